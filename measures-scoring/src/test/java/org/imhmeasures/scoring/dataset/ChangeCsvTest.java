/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.junit.jupiter.api.Test;

class ChangeCsvTest {

    private record Result(ChangeCsv.Run run, List<String> output, List<String> rejects) {
    }

    private static Result run(String instrument, ChangeOptions options, List<String> groups, String csv)
            throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        ChangeCsv.Run run = ChangeCsv.of(Catalogue.builtIn().get(instrument), options, groups)
                .run(() -> new StringReader(csv), out, rej);
        return new Result(run, out.toString().lines().toList(), rej.toString().lines().toList());
    }

    @Test
    void run_nhsPhq9_exactHeaderRowsAndRejects() throws IOException {
        Result r = run("PHQ-9", ChangeOptions.defaults(), List.of("team"),
                "record_id,team,pre,post,extra\na,N,18,8,x\nb,N,12,,x\nc,S,10,17,x\nd,S,13.5,7.25,x\ne,S,x,3,x\n"
                        + "f,S,30,3,x\ng,S,1\n");
        assertEquals(List.of("record_id,pre,post,change,rci,reliable_change,clinically_significant,category",
                "a,18,8,-10,,improved,true,reliable_recovery",
                "c,10,17,7,,deteriorated,false,reliable_deterioration",
                "d,13.5,7.25,-6.25,,improved,true,reliable_recovery"), r.output());
        assertEquals(List.of("line,record_id,reason,message",
                "3,b,missing_score,post must be given: empty",
                "6,e,score_not_a_number,pre and post must be numbers: pre is not",
                "7,f,score_out_of_range,score of PHQ-9 must lie within 0..27: pre is outside",
                "8,g,malformed_row,row must have 5 cells: 3"), r.rejects());
        assertEquals(new DatasetSummary(7, 3, 4, 0), r.run().summary());
        assertEquals(7, r.run().cohort().overall().summary().nRead());
        assertEquals(List.of("N", "S", "unknown"), r.run().cohort().byDimension().get("team").stream()
                .map(o -> o.group()).toList());
    }

    @Test
    void run_sampleParameters_readsTwiceAndReportsSampleSd() throws IOException {
        StringBuilder csv = new StringBuilder("record_id,pre,post\n");
        double[][] pairs = {{20, 12}, {18, 15}, {25, 20}, {22, 24}, {19, 10}, {24, 14}, {21, 17}, {23, 16}, {17, 18},
            {26, 11}};
        for (int i = 0; i < pairs.length; i++) {
            csv.append("r").append(i).append(',').append((int) pairs[i][0]).append(',').append((int) pairs[i][1])
                    .append('\n');
        }
        csv.append("bad,99,1\n"); // out of range: must not enter the sample estimates
        Result r = run("PHQ-9", ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX).with(ParameterSource.SAMPLE)
                .withReliability(0.84), List.of(), csv.toString());
        assertEquals(3.0276503540974917, r.run().cohort().parameters().sd().getAsDouble(), 1e-9,
                "SD of the ten in-range pre scores (SciPy: np.std(ddof=1))");
        assertEquals(new DatasetSummary(11, 10, 1, 0), r.run().summary());
        // r0: 20 -> 12, S_diff = 3.02765 * sqrt(2 * 0.16) = 1.71271; RCI = -8 / 1.71271 = -4.671 (written in full precision)
        // no functional norm for PHQ-9, so the caseness cut-off decides: 12 is still a case -> improved
        assertEquals("r0,20,12,-8,-4.670993664969137,improved,false,improved", r.output().get(1));
    }

    @Test
    void run_modelUnusable_isDatasetExceptionWithReason() {
        DatasetException e = assertThrows(DatasetException.class, () -> run("PHQ-9",
                ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX), List.of(), "record_id,pre,post\na,1,2\n"));
        assertEquals("reliability of PHQ-9 must be published or supplied: none", e.getMessage());
    }

    @Test
    void run_headerWithoutPost_isLocated() {
        DatasetException e = assertThrows(DatasetException.class, () -> run("PHQ-9", ChangeOptions.defaults(),
                List.of(), "record_id,pre\na,1\n"));
        assertEquals("line 1: header must have record_id, pre and post columns: post absent", e.getMessage());
        assertTrue(e.line() == 1);
    }
}
