/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.RowHandler;
import org.imhmeasures.scoring.dataset.ScoresCsv;
import org.junit.jupiter.api.Test;

class MappingTest {

    private static Mapping read(String json) {
        return Mapping.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json",
                Catalogue.builtIn());
    }

    private static String located(String json) {
        return assertThrows(MappingException.class, () -> read(json)).getMessage();
    }

    @Test
    void read_brokenRules_areLocatedByFileAndJsonPath() {
        assertEquals("m.json: format: format must be imh-measures/mapping@1: \"x\"",
                located("{\"format\": \"x\", \"recordId\": \"a\", \"instruments\": {}}"));
        assertTrue(located("{\"format\": \"imh-measures/mapping@1\", \"recordId\": \"a\", \"instruments\": "
                + "{\"PHQ9\": {\"items\": {\"phq9_1\": \"Q1\"}}}}").startsWith("m.json: instruments.PHQ9: instrument "
                        + "must be one of [PHQ-9"));
        assertTrue(located("{\"format\": \"imh-measures/mapping@1\", \"recordId\": \"a\", \"delimiter\": \":\", "
                + "\"instruments\": {\"PHQ-9\": {\"items\": {\"phq9_1\": \"Q1\"}}}}").startsWith("m.json: delimiter:"));
        assertTrue(located("{\"format\": \"imh-measures/mapping@1\", \"recordId\": \"a\", \"layout\": \"long\", "
                + "\"instruments\": {\"PHQ-9\": {\"items\": {\"phq9_1\": \"Q1\"}}}}").startsWith("m.json: long:"));
        assertTrue(located("{\"format\": \"imh-measures/mapping@1\", \"recordId\": \"a\", \"instruments\": "
                + "{\"PHQ-9\": {\"items\": {\"phq9_1\": \"Q1\", \"phq9_2\": \"Q1\"}}}}")
                .contains("instruments.PHQ-9.items: item columns must be distinct"));
        assertTrue(located("{\"format\": \"imh-measures/mapping@1\", \"recordId\": \"a\", \"instruments\": "
                + "{\"EPDS\": [{\"items\": {\"epds_1\": \"A\"}}, {\"items\": {\"epds_1\": \"B\"}}]}}")
                .contains("instruments.EPDS: blocks must each have a distinct timepoint"));
        assertTrue(located("{\"format\": \"imh-measures/mapping@1\", \"format\": \"imh-measures/mapping@1\"}")
                .startsWith("m.json: mapping must be well-formed JSON"));
        assertTrue(located("{\"format\": \"imh-measures/mapping@1\", \"recordId\": \"a\", \"instruments\": "
                + "{\"PHQ-9\": {\"answers\": \"codes\", \"labels\": {\"x\": \"0\"}, \"items\": {\"phq9_1\": \"Q\"}}}}")
                .contains("instruments.PHQ-9.labels: labels must only be given with"));
    }

    @Test
    void run_accountsForEveryRowAndBlock_andFlagsTheSystemTotal() throws Exception {
        Mapping mapping = read("{\"format\": \"imh-measures/mapping@1\", \"recordId\": \"id\", \"instruments\": "
                + "{\"GAD-2\": [{\"timepoint\": \"t1\", \"items\": {\"gad2_1\": \"a1\", \"gad2_2\": \"a2\"}, \"total\": \"at\"},"
                + " {\"timepoint\": \"t2\", \"items\": {\"gad2_1\": \"b1\", \"gad2_2\": \"b2\"}}]}}");
        assertEquals("Mapping[wide, instruments=[GAD-2]]", mapping.toString());
        MappedScoring scoring = MappedScoring.of(mapping, List.of(Catalogue.builtIn().get("GAD-2")),
                ScoringOptions.defaults());
        StringWriter out = new StringWriter();
        RowHandler csv = ScoresCsv.of(out, Catalogue.builtIn().get("GAD-2"), scoring.outputFormat(), CsvCells.RAW,
                scoring.outputColumns("GAD-2"));
        Map<String, MappedSummary> summary = scoring.run(new StringReader("id,a1,a2,at,b1,b2\nx,1,2,3,,\ny,3,3,5,1,1\n"
                + ",,,,,\nz,9,1,,0,0\n"), Map.of("GAD-2", csv));
        MappedSummary gad2 = summary.get("GAD-2");
        assertEquals("rows read 6 = scored 4 + rejected 1 + not administered 1", gad2.accountingLine());
        assertEquals(1, gad2.totalsDiffering());
        String text = out.toString();
        assertTrue(text.startsWith("record_id,instrument,definition_version,raw_total,total,band,caseness,"
                + "items_missing,prorated,critical_items,critical_unanswered,timepoint,system_total_differs\n"), text);
        assertTrue(text.contains("x,GAD-2,"), text);
        assertTrue(text.contains(",t1,false\n"), text);
        assertTrue(text.contains(",t1,true\n"), text);
    }
}
