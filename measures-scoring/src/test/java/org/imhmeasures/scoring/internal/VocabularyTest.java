/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.imhmeasures.scoring.Caseness;
import org.imhmeasures.scoring.change.Category;
import org.imhmeasures.scoring.change.ClinicalSignificance;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.change.ReliableChangeDirection;
import org.junit.jupiter.api.Test;

/** The words of the file formats: each enum constant has one, and they are the words files have always had. */
class VocabularyTest {

    @Test
    void caseness_isTrueFalseOrEmpty() {
        assertEquals("true", Vocabulary.caseness(Caseness.CASE));
        assertEquals("false", Vocabulary.caseness(Caseness.NOT_CASE));
        assertEquals("", Vocabulary.caseness(Caseness.NOT_DEFINED));
    }

    @Test
    void clinicalSignificance_isTrueFalseOrEmpty_oneWordPerConstant() {
        assertEquals("false", Vocabulary.clinicalSignificance(ClinicalSignificance.NOT_SIGNIFICANT));
        assertEquals("", Vocabulary.clinicalSignificance(ClinicalSignificance.NOT_DEFINED));
        assertEquals(List.of("true", "false", ""), Arrays.stream(ClinicalSignificance.values())
                .map(Vocabulary::clinicalSignificance).toList());
    }

    @Test
    void reliableChangeAndCategory_areLowerCaseNames() {
        assertEquals(List.of("improved", "deteriorated", "none"), Arrays.stream(ReliableChangeDirection.values())
                .map(Vocabulary::reliableChange).toList());
        assertEquals("reliable_recovery", Vocabulary.category(Category.RELIABLE_RECOVERY));
        assertEquals("recovery_without_reliable_improvement",
                Vocabulary.category(Category.RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT));
    }

    @Test
    void rciMethod_shortNames_areTheDocumentedOnes_andDistinct() {
        assertEquals("jt", Vocabulary.rciMethod(RciMethod.JACOBSON_TRUAX));
        assertEquals("nhs", Vocabulary.rciMethod(RciMethod.FIXED_THRESHOLD));
        Set<String> names = Arrays.stream(RciMethod.values()).map(Vocabulary::rciMethod).collect(Collectors.toSet());
        assertEquals(Set.of("jt", "gln", "hll", "en", "nk", "ha", "nhs", "anchor", "percentage"), names);
    }
}
