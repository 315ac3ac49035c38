/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Change totals are plain ASCII decimals of bounded length; anything else is a located
 * {@code score_not_a_number} reject, answered at once (no number bomb reaches {@code BigDecimal}), and no
 * reject message repeats the value.
 */
class ChangeCsvNumbersTest {

    private record Result(List<String> output, List<String> rejects) {
    }

    private static Result run(String csv) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            StringWriter out = new StringWriter();
            StringWriter rej = new StringWriter();
            ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults(), List.of())
                    .run(() -> new StringReader(csv), out, rej);
            return new Result(out.toString().lines().toList(), rej.toString().lines().toList());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"٣٠", "２０", "1e1", "1E1", "+20", ".5", "5.", "1e-999999999", "1e-9999999", "0x10",
        "1,5", "1 5", "-", "--1", "12345678901234567890123456789012.5", "NaN", "Infinity", "1_000"})
    void run_notAPlainDecimal_isLocatedScoreNotANumber(String value) {
        Result r = run("record_id,pre,post\na,10,5\nb,\"" + value + "\",5\nc,5,\"" + value + "\"\n");
        assertEquals(List.of("line,record_id,reason,message",
                "3,b,score_not_a_number,pre and post must be numbers: pre is not",
                "4,c,score_not_a_number,pre and post must be numbers: post is not"), r.rejects(), value);
        assertEquals(2, r.output().size(), "row a is still assessed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "27", "13.5", "-0", "7.25", "00012", "10.000000000000000000000000000"})
    void run_plainDecimals_areRead(String value) {
        Result r = run("record_id,pre,post\na," + value + ",5\n");
        assertEquals(1, r.rejects().size(), r.rejects().toString());
        assertEquals(2, r.output().size());
    }

    @Test
    void run_outOfRangeOrNonNumericIdentifier_isNeverEchoed() {
        Result r = run("record_id,pre,post\na,9434765919,5\nb,5,19870314\nc,Jane Smith,5\nd,5,1987-03-14\n"
                + "e,943 476 5919,5\n");
        assertEquals(List.of("line,record_id,reason,message",
                "2,a,score_out_of_range,score of PHQ-9 must lie within 0..27: pre is outside",
                "3,b,score_out_of_range,score of PHQ-9 must lie within 0..27: post is outside",
                "4,c,score_not_a_number,pre and post must be numbers: pre is not",
                "5,d,score_not_a_number,pre and post must be numbers: post is not",
                "6,e,score_not_a_number,pre and post must be numbers: pre is not"), r.rejects());
        String all = String.join("\n", r.rejects());
        for (String planted : List.of("9434765919", "19870314", "Jane", "1987-03-14", "943 476")) {
            assertFalse(all.contains(planted), planted + " leaked: " + all);
        }
        assertTrue(r.output().size() == 1);
    }
}
