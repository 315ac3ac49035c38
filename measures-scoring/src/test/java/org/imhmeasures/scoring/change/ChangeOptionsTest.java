/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.OptionalDouble;
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.Test;

class ChangeOptionsTest {

    @Test
    void with_returnsNewOptions_andLeavesTheReceiverAsItWas() {
        ChangeOptions defaults = ChangeOptions.defaults();
        ChangeOptions jt = defaults.with(RciMethod.JACOBSON_TRUAX).with(ParameterSource.SAMPLE)
                .with(SignificanceCriterion.JT_A).withReliability(0.8).withReliabilityPost(0.7).withAlpha(0.01);
        assertEquals(RciMethod.FIXED_THRESHOLD, defaults.method());
        assertEquals(ParameterSource.PUBLISHED, defaults.parameters());
        assertEquals(SignificanceCriterion.AUTO, defaults.criterion());
        assertEquals(OptionalDouble.empty(), defaults.reliability());
        assertEquals(OptionalDouble.empty(), defaults.reliabilityPost());
        assertEquals(0.05, defaults.alpha());
        assertEquals(RciMethod.JACOBSON_TRUAX, jt.method());
        assertEquals(ParameterSource.SAMPLE, jt.parameters());
        assertEquals(SignificanceCriterion.JT_A, jt.criterion());
        assertEquals(OptionalDouble.of(0.8), jt.reliability());
        assertEquals(OptionalDouble.of(0.7), jt.reliabilityPost());
        assertEquals(0.01, jt.alpha());
    }

    @Test
    void equality_isBySetting() {
        ChangeOptions a = ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX).withReliability(0.8);
        ChangeOptions b = ChangeOptions.defaults().withReliability(0.8).with(RciMethod.JACOBSON_TRUAX);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.withAlpha(0.01));
    }

    @Test
    void optionsParametersAndAssessments_haveNoPublicConstructor() {
        for (Class<?> type : new Class<?>[] {ChangeOptions.class, ChangeParameters.class,
            ChangeResult.Assessed.class}) {
            assertEquals(0, type.getConstructors().length, type.getName());
            assertTrue(Modifier.isFinal(type.getModifiers()), type.getName());
            assertFalse(type.isRecord(), type.getName());
        }
    }

    @Test
    void assessed_toString_showsTheVerdictsButNoScore() {
        ChangeModel model = ChangeModel.published(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults());
        ChangeResult result = model.assess(23, 7);
        String text = result.toString();
        assertEquals("Assessed[reliableChange=IMPROVED, crossedCutoff=INTO_FUNCTIONAL, clinicallySignificant=SIGNIFICANT,"
                + " category=RELIABLE_RECOVERY]", text);
        assertFalse(text.contains("23") || text.contains("16"), text);
        assertEquals(result, model.assess(23, 7));
        assertNotEquals(result, model.assess(23, 8));
    }
}
