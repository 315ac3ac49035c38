/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.TestFeedback;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.junit.jupiter.api.Test;

/** Change of an instrument that records answers only: refused, typed, with one message. */
class AnswersOnlyChangeTest {

    private static final Instrument FEEDBACK = TestFeedback.instrument();
    private static final String MESSAGE = "score of TEST-FEEDBACK must exist for change: it records answers only and "
            + "has no score to compare";

    @Test
    void models_ofEveryKind_areUnusableWithAnswersOnly() {
        for (ChangeModel model : List.of(ChangeModel.published(FEEDBACK, ChangeOptions.defaults()),
                ChangeModel.published(FEEDBACK, ChangeOptions.defaults().with(RciMethod.FIXED_THRESHOLD)),
                ChangeModel.fromSample(FEEDBACK, ChangeOptions.defaults(), SampleStatistics.of(new double[] {1, 2, 3},
                        new double[] {2, 2, 4})))) {
            ChangeResult.NotAssessable unusable = model.unusable().orElseThrow();
            assertEquals(ChangeResult.Reason.ANSWERS_ONLY, unusable.reason());
            assertEquals(MESSAGE, unusable.message());
        }
    }

    @Test
    void assess_twoAnswersOnlyResults_isNotAssessable() {
        Scorer scorer = Scorer.of(FEEDBACK);
        Scored pre = (Scored) scorer.score(Administration.of("TEST-FEEDBACK", Map.of("testfeedback_1", "1",
                "testfeedback_2", "no")));
        Scored post = (Scored) scorer.score(Administration.of("TEST-FEEDBACK", Map.of("testfeedback_1", "5",
                "testfeedback_2", "yes")));
        ChangeResult result = ChangeModel.published(FEEDBACK, ChangeOptions.defaults()).assess(pre, post);
        assertEquals(ChangeResult.Reason.ANSWERS_ONLY, assertInstanceOf(ChangeResult.NotAssessable.class, result)
                .reason());
    }

    @Test
    void changeCsv_isRefusedBeforeReading() {
        String csv = "record_id,pre,post\nr1,1,2\n";
        for (ChangeOptions options : List.of(ChangeOptions.defaults(), ChangeOptions.defaults().with(
                ParameterSource.SAMPLE))) {
            DatasetException e = assertThrows(DatasetException.class, () -> ChangeCsv.of(FEEDBACK, options, List.of())
                    .run(() -> new StringReader(csv), new StringWriter()));
            assertEquals(0, e.line());
            assertEquals(MESSAGE, e.getMessage());
        }
    }
}
