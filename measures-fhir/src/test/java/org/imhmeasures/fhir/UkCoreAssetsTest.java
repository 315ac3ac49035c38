/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The vendored UK Core set is complete, carries its provenance, and reports what is missing by name. */
class UkCoreAssetsTest {

    private static final List<String> PROFILES = List.of("Questionnaire", "QuestionnaireResponse", "Observation",
            "ServiceRequest", "RelatedPerson", "EpisodeOfCare", "Condition", "Bundle");

    @Test
    void vendoredSet_everyIndexedFileIsPresent_withItsProvenanceAndLicence() {
        assertEquals(List.of(), Validation.ukCoreAssets().missing());
        assertEquals(41, UkCoreAssets.index().size(), "SOURCE.txt and INDEX.txt describe 41 files");
        for (String file : List.of("SOURCE.txt", "LICENCE.txt")) {
            assertNotNull(UkCoreAssetsTest.class.getClassLoader().getResource(UkCoreAssets.FOLDER + file), file);
        }
    }

    @Test
    void vendoredSet_everyProfileTheTestsValidateAgainst_resolves() {
        for (String profile : PROFILES) {
            assertEquals(Optional.of(Validation.UK_CORE + "UKCore-" + profile), Validation.ukCore(profile));
        }
    }

    @Test
    void load_listedFileAbsent_isReportedByName() {
        UkCoreAssets assets = UkCoreAssets.load(Validation.CONTEXT, List.of(
                "structuredefinitions/UKCore-Questionnaire.xml", "structuredefinitions/UKCore-NoSuchProfile.xml"));
        assertEquals(List.of("uk-core/structuredefinitions/UKCore-NoSuchProfile.xml"), assets.missing());
        assertTrue(assets.hasStructureDefinition(Validation.UK_CORE + "UKCore-Questionnaire"));
        assertFalse(assets.hasStructureDefinition(Validation.UK_CORE + "UKCore-Observation"));
    }

    @Test
    void load_emptyIndex_countsTheIndexAsMissing() {
        assertEquals(List.of(UkCoreAssets.INDEX), UkCoreAssets.load(Validation.CONTEXT, List.of()).missing());
    }

    @Test
    void isUkCoreUrl_coversUkCoreAndCrossVersionExtensions_only() {
        assertTrue(UkCoreAssets.isUkCoreUrl("https://fhir.hl7.org.uk/ValueSet/UKCore-ConditionCode"));
        assertTrue(UkCoreAssets.isUkCoreUrl(
                "http://hl7.org/fhir/6.0/StructureDefinition/extension-Condition.bodyStructure"));
        assertFalse(UkCoreAssets.isUkCoreUrl("http://hl7.org/fhir/StructureDefinition/Observation"));
        assertFalse(UkCoreAssets.isUkCoreUrl("https://imh-measures.org/fhir/StructureDefinition/timepoint"));
        assertFalse(UkCoreAssets.isUkCoreUrl("http://snomed.info/sct"));
    }
}
