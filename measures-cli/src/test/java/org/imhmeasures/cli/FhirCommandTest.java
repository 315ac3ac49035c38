/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.fhir.ResponseMapping;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code fhir} through {@link Main#run}. */
class FhirCommandTest {

    private static final String HEADER = "record_id,note,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9";


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void fhir_mixedRows_writesQrAndObservationPerMappedRowAndAccountsForEveryRow(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, HEADER + "\n"
                + "a,x,1,1,1,1,1,1,1,1,0\n"      // line 2: total 8
                + "b,y,1,1,1,1,1,1,,,\n"         // line 3: too many missing
                + ",z,1,1,1,1,1,1,1,1,1\n"       // line 4: no record id
                + "\n"                           // blank line: not a row
                + "c,z,3,3,3,3,3,3,3,3,2\n"      // line 6: total 26, critical item
                + "d,w,1,1\n"                    // line 7: malformed
                + "e,v,1,1,1,1,1,1,1,1,9\n");    // line 8: code not allowed
        Path out = dir.resolve("out.ndjson");
        Path rej = dir.resolve("rej.csv");
        CliRun r = run("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output", out.toString(),
                "--rejects", rej.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("PHQ-9 1.0.0: rows read 6 = mapped 2 + rejected 4" + System.lineSeparator(), r.out());
        assertEquals("", r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size());
        var parser = FhirContext.forR4Cached().newJsonParser();
        List<Resource> resources = new ArrayList<>();
        for (String line : lines) {
            assertFalse(line.isBlank());
            resources.add((Resource) parser.parseResource(line));
        }
        QuestionnaireResponse qr = (QuestionnaireResponse) resources.get(0);
        Observation obs = (Observation) resources.get(1);
        assertEquals("qr-2", qr.getIdElement().getIdPart());
        assertEquals("a", qr.getIdentifier().getValue());
        assertEquals(FhirCommand.RECORD_ID_SYSTEM, qr.getIdentifier().getSystem());
        assertEquals("obs-2", obs.getIdElement().getIdPart());
        assertEquals(8, obs.getValueIntegerType().getValue());
        assertEquals("QuestionnaireResponse/qr-2", obs.getDerivedFromFirstRep().getReference());
        Observation critical = (Observation) resources.get(3);
        assertEquals(26, critical.getValueIntegerType().getValue());
        assertTrue(critical.getInterpretation().stream().anyMatch(c -> "AA".equals(c.getCodingFirstRep().getCode())));
        // the QR written out maps back to the same answers
        Administration back = ResponseMapping.toAdministration(Catalogue.builtIn(), qr);
        assertEquals("1", ((Answer.Given) back.answers().get("phq9_1")).code());
        List<String> rejects = Files.readAllLines(rej);
        assertEquals("line,record_id,reason,message,critical_items,critical_unanswered", rejects.get(0));
        assertEquals(5, rejects.size(), rejects.toString());
        assertTrue(rejects.get(1).startsWith("3,b,too_many_missing,"), rejects.get(1));
        assertTrue(rejects.get(1).endsWith(",,phq9_9"), rejects.get(1));
        assertEquals("4,,missing_record_id,record_id must not be empty: empty,,", rejects.get(2));
        assertEquals("7,d,malformed_row,row must have 11 cells: 4,,", rejects.get(3));
        assertTrue(rejects.get(4).startsWith("8,e,"), rejects.get(4));
        assertTrue(rejects.get(4).endsWith(",,phq9_9"), "code 9 on item 9: alert status unknown " + rejects.get(4));
    }

    @Test
    void fhir_randomRows_accountingAlwaysAddsUp(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        System.out.println("FhirCommandTest seed " + seed + " (rerun with -Dimh.seed=" + seed + ")");
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int rows = 40 + random.nextInt(40);
        String[] cells = {"", "0", "1", "2", "3", "4", "x"};
        for (int i = 0; i < rows; i++) {
            csv.append(random.nextInt(10) == 0 ? "" : "r" + i).append(",n");
            int width = random.nextInt(20) == 0 ? 5 : 9;
            for (int c = 0; c < width; c++) {
                csv.append(',').append(cells[random.nextInt(random.nextBoolean() ? 4 : cells.length)]);
            }
            csv.append('\n');
        }
        Path in = dir.resolve("in.csv");
        Files.writeString(in, csv);
        Path out = dir.resolve("out.ndjson");
        Path rej = dir.resolve("rej.csv");
        CliRun r = run("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output", out.toString(),
                "--rejects", rej.toString());
        assertEquals(0, r.status(), "seed " + seed + ": " + r.err());
        var m = java.util.regex.Pattern.compile("rows read (\\d+) = mapped (\\d+) \\+ rejected (\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        long read = Long.parseLong(m.group(1));
        long mapped = Long.parseLong(m.group(2));
        long rejected = Long.parseLong(m.group(3));
        var a = java.util.regex.Pattern.compile("alert Observations written for (\\d+) rejected rows").matcher(r.out());
        long alerts = a.find() ? Long.parseLong(a.group(1)) : 0;
        assertEquals(rows, read, "seed " + seed);
        assertEquals(read, mapped + rejected, "seed " + seed);
        assertTrue(alerts <= rejected, "seed " + seed);
        assertEquals(2 * mapped + alerts, Files.readAllLines(out).size(), "seed " + seed);
        assertEquals(rejected + 1, Files.readAllLines(rej).size(), "seed " + seed);
    }

    @Test
    void fhir_absentItemColumn_warnsOnce(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8\na,1,1,1,1,1,1,1,1\n");
        CliRun r = run("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.ndjson").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no column for phq9_9"), r.err());
    }

    @Test
    void fhir_noRecordIdColumn_failsWithOneLocatedLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,phq9_1\na,1\n");
        CliRun r = run("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.ndjson").toString());
        assertEquals(1, r.status());
        assertEquals("imh-measures: --input line 1: header must have a record_id column: absent", r.err().strip());
    }

    @Test
    void fhir_unknownInstrumentOrMissingFlag_isUsageError(@TempDir Path dir) {
        assertEquals(2, run("fhir", "--instrument", "XYZ", "--input", "a", "--output", "b").status());
        assertEquals(2, run("fhir", "--instrument", "PHQ-9", "--input", "a").status());
    }

    @Test
    void fhir_unreadableInput_exitsOne(@TempDir Path dir) {
        CliRun r = run("fhir", "--instrument", "PHQ-9", "--input", dir.resolve("none.csv").toString(), "--output",
                dir.resolve("o.ndjson").toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
