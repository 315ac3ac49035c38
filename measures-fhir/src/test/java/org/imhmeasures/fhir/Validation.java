/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;

/**
 * One offline FHIR R4 validator for the test suite, built once (it takes seconds to start): base R4
 * definitions, in-memory terminology, common code systems, snapshot generation, a pre-populated support
 * holding our Questionnaires and CodeSystems, and the UK Core StructureDefinitions, ValueSets and CodeSystems
 * vendored in the test resources ({@link UkCoreAssets}).
 *
 * <p>A UK Core check never skips: {@link #ukCore(String)} fails naming the resource when a vendored file is
 * missing or the profile is not vendored, and {@link #validate} fails when the validator asked for a UK Core
 * resource that is not vendored.
 */
final class Validation {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    static final String UK_CORE = UkCoreAssets.CANONICAL_BASE + "StructureDefinition/";

    private static final UkCoreAssets UK_CORE_ASSETS = UkCoreAssets.load(CONTEXT);
    private static final FhirValidator VALIDATOR = build();

    private Validation() {
    }

    /** The vendored UK Core assets. */
    static UkCoreAssets ukCoreAssets() {
        return UK_CORE_ASSETS;
    }

    /**
     * The canonical URL of the UK Core profile {@code UKCore-<name>}, after asserting that every vendored file is
     * present and that this profile is among them.
     */
    static Optional<String> ukCore(String name) {
        assertEquals(List.of(), UK_CORE_ASSETS.missing(), "vendored UK Core files must be on the test class path");
        String url = UK_CORE + "UKCore-" + name;
        assertTrue(UK_CORE_ASSETS.hasStructureDefinition(url),
                () -> "UK Core profile must be vendored in " + UkCoreAssets.INDEX + ": " + url);
        return Optional.of(url);
    }

    private static FhirValidator build() {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(CONTEXT);
        Map<String, Questionnaire> questionnaires = new HashMap<>();
        List<Instrument> instruments = new java.util.ArrayList<>(Catalogue.builtIn().instruments());
        instruments.add(TestFeedback.instrument()); // the answers-only test fixture
        for (Instrument instrument : instruments) {
            Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(instrument);
            questionnaires.put(questionnaire.getUrl(), questionnaire);
            questionnaires.put(FhirUris.versionedQuestionnaire(instrument), questionnaire);
        }
        ours.addCodeSystem(ScoreMapping.codeSystem(Catalogue.builtIn()));
        CareMapping.codeSystems(org.imhmeasures.core.risk.RiskTaxonomy.builtIn()).forEach(ours::addCodeSystem);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                new Questionnaires(questionnaires),
                ours,
                UK_CORE_ASSETS.support(),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        FhirValidator validator = CONTEXT.newValidator();
        validator.registerValidatorModule(module);
        return validator;
    }

    /** Resolves our Questionnaires by canonical URL, so that responses are checked against them. */
    private record Questionnaires(Map<String, Questionnaire> byUrl) implements IValidationSupport {
        @Override
        public FhirContext getFhirContext() {
            return CONTEXT;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            if (type != null && !type.isAssignableFrom(Questionnaire.class)) {
                return null;
            }
            Questionnaire questionnaire = byUrl.get(url);
            return questionnaire == null ? null : type == null ? null : type.cast(questionnaire);
        }
    }

    /**
     * Validates against base R4, or against {@code profile} when given; fails when the validator asked for a UK
     * Core resource that is not vendored (the check would otherwise be weaker than it reads).
     */
    static List<SingleValidationMessage> validate(Resource resource, Optional<String> profile) {
        List<SingleValidationMessage> messages = run(resource, profile);
        assertEquals(Set.of(), UK_CORE_ASSETS.unresolved(),
                "UK Core resources the validator asked for must be vendored in " + UkCoreAssets.INDEX);
        return messages;
    }

    /**
     * Validates against a profile URL that is deliberately not vendored (a negative check), asserting that the
     * validator looked it up and nothing else was missing.
     */
    static List<SingleValidationMessage> validateAgainstUnknownProfile(Resource resource, String url) {
        List<SingleValidationMessage> messages = run(resource, Optional.of(url));
        assertEquals(Set.of(url), UK_CORE_ASSETS.unresolved(), "the validator must have looked up " + url);
        UK_CORE_ASSETS.forget(url);
        return messages;
    }

    private static List<SingleValidationMessage> run(Resource resource, Optional<String> profile) {
        Resource copy = resource.copy();
        profile.ifPresent(url -> copy.getMeta().setProfile(List.of(new CanonicalType(url))));
        ValidationResult result = VALIDATOR.validateWithResult(copy);
        return result.getMessages();
    }

    /** Messages at error or fatal severity. */
    static List<SingleValidationMessage> errors(List<SingleValidationMessage> messages) {
        return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                || m.getSeverity() == ResultSeverityEnum.FATAL).collect(Collectors.toList());
    }

    static String describe(List<SingleValidationMessage> messages) {
        return messages.stream().map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }
}
