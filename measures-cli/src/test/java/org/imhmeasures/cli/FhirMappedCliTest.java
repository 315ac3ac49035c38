/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.fhir.ResponseMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fhir --map}: the mapping's record id, timepoint and date give {@code authored}/{@code effective}, the
 * timepoint extension and stable ids; {@code --subject-system}, {@code --bundle} and {@code --missing prorate};
 * the accounting of {@code score --map}.
 */
class FhirMappedCliTest {

    private static final String SYSTEM = "https://trust.example.nhs.uk/Id/client";
    private static final String RECORD = "CL-48213";
    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    private static String phq9Items() {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            items.add("\"phq9_" + i + "\": \"PHQ9 Q" + i + "\"");
        }
        return String.join(", ", items);
    }

    private static String gad7Items() {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            items.add("\"gad7_" + i + "\": \"GAD7 Q" + i + "\"");
        }
        return String.join(", ", items);
    }

    /** Semicolons, a timepoint column mapped, dd/MM/yyyy dates, PHQ-9 and GAD-7 in one row. */
    private static Path export(Path dir, String... rows) throws Exception {
        StringBuilder csv = new StringBuilder("Client ID;Stage;Seen;");
        for (int i = 1; i <= 9; i++) {
            csv.append("PHQ9 Q").append(i).append(';');
        }
        for (int i = 1; i <= 7; i++) {
            csv.append("GAD7 Q").append(i).append(i == 7 ? "\r\n" : ";");
        }
        for (String row : rows) {
            csv.append(row).append("\r\n");
        }
        return Files.writeString(dir.resolve("export.csv"), csv, StandardCharsets.UTF_8);
    }

    private static Path mapping(Path dir, String timepoints) throws Exception {
        return Files.writeString(dir.resolve("mapping.json"), """
                {"format": "imh-measures/mapping@1", "delimiter": ";", "dateFormat": "dd/MM/yyyy",
                 "recordId": "Client ID", "timepoint": "Stage", "timepoints": {%s}, "date": "Seen",
                 "instruments": {"PHQ-9": {"items": {%s}}, "GAD-7": {"items": {%s}}}}
                """.formatted(timepoints, phq9Items(), gad7Items()));
    }

    private static Path standardMapping(Path dir) throws Exception {
        return mapping(dir, "\"Initial\": \"baseline\", \"Final\": \"discharge\"");
    }

    private static List<Resource> resources(Path ndjson) throws Exception {
        List<Resource> all = new ArrayList<>();
        for (String line : Files.readAllLines(ndjson)) {
            all.add((Resource) JSON.parseResource(line));
        }
        return all;
    }

    private static String code(org.hl7.fhir.r4.model.DomainResource resource) {
        return ((CodeType) resource.getExtensionByUrl(ResponseMapping.TIMEPOINT_EXTENSION).getValue()).getValue();
    }

    @Test
    void map_givesAuthoredEffectiveTimepointAndStableIds_andRerunsIdentically(@TempDir Path dir) throws Exception {
        Path export = export(dir,
                RECORD + ";Initial;02/03/2026;1;1;1;1;1;1;1;1;0;;;;;;;",
                RECORD + ";Final;30/06/2026;0;0;0;0;0;0;0;0;0;1;1;1;1;1;1;1",
                "CL-2;final;01/07/2026;1;1;1;1;1;1;1;1;;;;;;;;");
        Path map = standardMapping(dir);
        Path out = dir.resolve("phq9.ndjson");
        CliRun r = CliRun.of("fhir", "--map", map.toString(), "--input", export.toString(), "--instrument", "PHQ-9",
                "--output", out.toString(), "--rejects", dir.resolve("rej.csv").toString());

        assertEquals(0, r.status(), r.err());
        assertEquals("PHQ-9 1.0.0: rows read 3 = mapped 2 + rejected 1 + not administered 0"
                + System.lineSeparator(), r.out());
        List<Resource> resources = resources(out);
        assertEquals(4, resources.size());
        QuestionnaireResponse qr = (QuestionnaireResponse) resources.get(0);
        Observation obs = (Observation) resources.get(1);
        assertEquals("2026-03-02", qr.getAuthoredElement().getValueAsString());
        assertEquals("2026-03-02", obs.getEffectiveDateTimeType().getValueAsString());
        assertEquals("baseline", code(qr));
        assertEquals("baseline", code(obs));
        assertEquals("discharge", code((Observation) resources.get(3)));
        assertTrue(qr.getIdElement().getIdPart().matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                + "[0-9a-f]{12}"), qr.getIdElement().getIdPart());
        assertEquals(RECORD, qr.getIdentifier().getValue());
        assertFalse(qr.hasSubject(), "no subject without --subject-system, as before");
        for (Resource resource : resources) {
            assertFalse(resource.getIdElement().getIdPart().contains(RECORD));
            assertFalse(resource.getIdElement().getIdPart().contains("48213"));
        }
        assertTrue(Files.readAllLines(dir.resolve("rej.csv")).get(1).startsWith("4,CL-2,too_many_missing,"));
        byte[] first = Files.readAllBytes(out);

        // the same export with rows in another order and an extra row: the same ids for the same administrations
        Files.delete(out);
        Path reordered = export(dir,
                "CL-9;Initial;01/01/2026;0;0;0;0;0;0;0;0;0;;;;;;;",
                RECORD + ";Final;30/06/2026;0;0;0;0;0;0;0;0;0;1;1;1;1;1;1;1",
                RECORD + ";Initial;02/03/2026;1;1;1;1;1;1;1;1;0;;;;;;;");
        assertEquals(0, CliRun.of("fhir", "--map", map.toString(), "--input", reordered.toString(), "--instrument",
                "PHQ-9", "--output", out.toString()).status());
        List<String> again = Files.readAllLines(out);
        List<String> before = new String(first, StandardCharsets.UTF_8).lines().toList();
        assertTrue(again.contains(before.get(0)) && again.contains(before.get(1)) && again.contains(before.get(2))
                && again.contains(before.get(3)), "re-run must give the same resources, byte for byte");
    }

    @Test
    void subjectSystem_writesTheRecordIdAsSubjectIdentifier(@TempDir Path dir) throws Exception {
        Path export = export(dir, RECORD + ";Initial;02/03/2026;1;1;1;1;1;1;1;1;3;;;;;;;",
                RECORD + ";Final;02/05/2026;1;1;1;;;1;1;1;3;;;;;;;");
        Path out = dir.resolve("out.ndjson");
        CliRun r = CliRun.of("fhir", "--map", standardMapping(dir).toString(), "--input", export.toString(),
                "--instrument", "PHQ-9", "--output", out.toString(), "--subject-system", SYSTEM);

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("alert Observations written for 1 rejected rows"), r.out());
        List<Resource> resources = resources(out);
        assertEquals(3, resources.size());
        for (Resource resource : resources) {
            org.hl7.fhir.r4.model.Reference subject = resource instanceof QuestionnaireResponse q ? q.getSubject()
                    : ((Observation) resource).getSubject();
            assertEquals(SYSTEM, subject.getIdentifier().getSystem());
            assertEquals(RECORD, subject.getIdentifier().getValue());
        }
        Observation alert = (Observation) resources.get(2);
        assertEquals("2026-05-02", alert.getEffectiveDateTimeType().getValueAsString());
        assertEquals("discharge", code(alert));
        assertTrue(alert.hasDataAbsentReason());

        CliRun bad = CliRun.of("fhir", "--map", standardMapping(dir).toString(), "--input", export.toString(),
                "--instrument", "PHQ-9", "--output", dir.resolve("x.ndjson").toString(), "--subject-system", "client");
        assertEquals(2, bad.status(), bad.err());
        assertTrue(bad.err().contains("--subject-system must be an absolute URI"), bad.err());
    }

    @Test
    void bundle_oneTransactionPerRecord_putByStableId(@TempDir Path dir) throws Exception {
        Path export = export(dir,
                RECORD + ";Initial;02/03/2026;1;1;1;1;1;1;1;1;0;1;1;1;1;1;1;1",
                "CL-2;Initial;05/03/2026;0;0;0;0;0;0;0;0;0;;;;;;;",
                RECORD + ";Final;30/06/2026;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0");
        Path outDir = dir.resolve("fhir");
        CliRun r = CliRun.of("fhir", "--map", standardMapping(dir).toString(), "--input", export.toString(),
                "--instruments", "all", "--output-dir", outDir.toString(), "--bundle");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("PHQ-9 1.0.0: rows read 3 = mapped 3 + rejected 0 + not administered 0; "
                + "2 transaction Bundles"), r.out());
        assertTrue(r.out().contains("GAD-7 1.1.0: rows read 3 = mapped 2 + rejected 0 + not administered 1; "
                + "1 transaction Bundles"), r.out());
        List<String> phq9 = Files.readAllLines(outDir.resolve("phq9.ndjson"));
        assertEquals(2, phq9.size());
        Bundle first = (Bundle) JSON.parseResource(phq9.get(0));
        assertEquals(Bundle.BundleType.TRANSACTION, first.getType());
        assertEquals(4, first.getEntry().size(), "two administrations of the first record");
        for (Bundle.BundleEntryComponent entry : first.getEntry()) {
            assertEquals(Bundle.HTTPVerb.PUT, entry.getRequest().getMethod());
            String url = entry.getRequest().getUrl();
            assertTrue(url.startsWith(entry.getResource().fhirType() + "/"), url);
            String id = url.substring(url.indexOf('/') + 1);
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            assertEquals("urn:uuid:" + id, entry.getFullUrl());
            // HAPI's parser takes a bundled resource's id from fullUrl; the JSON holds the plain id
            assertTrue(phq9.get(0).contains("\"id\":\"" + id + "\""), id);
        }
        Observation obs = (Observation) first.getEntry().get(1).getResource();
        assertEquals(first.getEntry().get(0).getFullUrl(), obs.getDerivedFromFirstRep().getReference());
        assertEquals(1, Files.readAllLines(outDir.resolve("gad7.ndjson")).size());
        assertTrue(Files.exists(outDir.resolve("gad7-rejects.csv")));
    }

    @Test
    void missingProrate_isAllowed_andTheObservationSaysItWasProrated(@TempDir Path dir) throws Exception {
        Path export = export(dir, RECORD + ";Initial;02/03/2026;1;1;1;1;;1;1;1;0;;;;;;;");
        Path out = dir.resolve("out.ndjson");
        CliRun r = CliRun.of("fhir", "--map", standardMapping(dir).toString(), "--input", export.toString(),
                "--instrument", "PHQ-9", "--output", out.toString(), "--missing", "prorate");
        assertEquals(0, r.status(), r.err());
        Observation obs = (Observation) resources(out).get(1);
        assertTrue(obs.getNoteFirstRep().getText().contains("prorated"), obs.getNoteFirstRep().getText());

        // plain wide CSV too
        Path plain = Files.writeString(dir.resolve("plain.csv"), "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,"
                + "phq9_6,phq9_7,phq9_8,phq9_9\na,1,1,1,1,,1,1,1,0\n");
        Path plainOut = dir.resolve("plain.ndjson");
        CliRun p = CliRun.of("fhir", "--instrument", "PHQ-9", "--input", plain.toString(), "--output",
                plainOut.toString(), "--missing", "prorate");
        assertEquals(0, p.status(), p.err());
        assertEquals("PHQ-9 1.0.0: rows read 1 = mapped 1 + rejected 0" + System.lineSeparator(), p.out());
        Observation plainObs = (Observation) resources(plainOut).get(1);
        assertEquals("obs-2", plainObs.getIdElement().getIdPart());
        assertTrue(plainObs.getNoteFirstRep().getText().contains("prorated"));
    }

    @Test
    void repeatedAdministration_isRejected_andEveryRowCounted(@TempDir Path dir) throws Exception {
        Path export = export(dir,
                RECORD + ";Initial;02/03/2026;1;1;1;1;1;1;1;1;0;;;;;;;",
                RECORD + ";Initial;02/03/2026;2;2;2;2;2;2;2;2;3;;;;;;;");
        Path out = dir.resolve("out.ndjson");
        Path rej = dir.resolve("rej.csv");
        CliRun r = CliRun.of("fhir", "--map", standardMapping(dir).toString(), "--input", export.toString(),
                "--instrument", "PHQ-9", "--output", out.toString(), "--rejects", rej.toString(), "--bundle");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("PHQ-9 1.0.0: rows read 2 = mapped 1 + rejected 1 + not administered 0"),
                r.out());
        assertTrue(r.out().contains("critical-item alerts (or unanswered critical items) in 1 rejected rows that "
                + "repeat an administration"), r.out());
        List<String> rejects = Files.readAllLines(rej);
        assertTrue(rejects.get(1).startsWith("3," + RECORD + ",duplicate_administration,"), rejects.get(1));
        assertTrue(rejects.get(1).contains("critical item at alert level: phq9_9"), rejects.get(1));
        assertEquals(1, Files.readAllLines(out).size());
        assertFalse(r.out().contains(RECORD) || r.err().contains(RECORD));
    }

    @Test
    void timepointThatIsNoFhirCode_isRefusedInTheMapping_orRejectedPerRowWhenCopied(@TempDir Path dir)
            throws Exception {
        Path export = export(dir, RECORD + ";Initial;02/03/2026;1;1;1;1;1;1;1;1;0;;;;;;;",
                RECORD + ";discharge;02/04/2026;1;1;1;1;1;1;1;1;0;;;;;;;");
        CliRun r = CliRun.of("fhir", "--map", mapping(dir, "\"Initial\": \"3-month\"").toString(), "--input",
                export.toString(), "--instrument", "PHQ-9", "--output", dir.resolve("out.ndjson").toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("--map timepoints must each be one of baseline, review, discharge, follow-up "
                + "for fhir (the timepoint extension's codes): \"3-month\""), r.err());
        assertFalse(Files.exists(dir.resolve("out.ndjson")));

        // without a timepoints table the values are copied: checked per row
        Files.writeString(dir.resolve("copied.json"), Files.readString(dir.resolve("mapping.json"))
                .replace("\"timepoints\": {\"Initial\": \"3-month\"}, ", ""));
        Path rej = dir.resolve("rej.csv");
        CliRun copied = CliRun.of("fhir", "--map", dir.resolve("copied.json").toString(), "--input",
                export.toString(), "--instrument", "PHQ-9", "--output", dir.resolve("out.ndjson").toString(),
                "--rejects", rej.toString());
        assertEquals(0, copied.status(), copied.err());
        assertTrue(copied.out().startsWith("PHQ-9 1.0.0: rows read 2 = mapped 1 + rejected 1"), copied.out());
        assertTrue(Files.readAllLines(rej).get(1).startsWith("2," + RECORD + ",unknown_timepoint,"));
    }

    @Test
    void usage_bundleWithoutMap_andInstrumentsWithoutOutputDir_exit2(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "record_id,phq9_1\na,1\n");
        CliRun r = CliRun.of("fhir", "--instrument", "PHQ-9", "--input", plain.toString(), "--output",
                dir.resolve("o.ndjson").toString(), "--bundle");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--bundle must be used with --map"), r.err());
        CliRun s = CliRun.of("fhir", "--instruments", "all", "--input", plain.toString(), "--output",
                dir.resolve("o.ndjson").toString());
        assertEquals(2, s.status(), s.err());
        CliRun none = CliRun.of("fhir", "--input", plain.toString(), "--output", dir.resolve("o.ndjson").toString());
        assertEquals(2, none.status(), none.err());
        assertTrue(none.err().contains("--instrument must be given: missing"), none.err());
    }

    /** The same-file check covers --definition files as score and inspect do (fhir left them out). */
    @Test
    void outputOverADefinitionFile_isRefused_andTheFileKept(@TempDir Path dir) throws Exception {
        String phq2 = new String(Catalogue.class.getResourceAsStream("catalogue/phq2.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Path own = Files.writeString(dir.resolve("own.json"), phq2.replace("\"id\": \"PHQ-2\"", "\"id\": \"MY-PHQ2\"")
                .replace("phq2_", "myphq2_"));
        Path plain = Files.writeString(dir.resolve("plain.csv"), "record_id,myphq2_1,myphq2_2\na,1,1\n");
        byte[] before = Files.readAllBytes(own);
        CliRun r = CliRun.of("fhir", "--definition", own.toString(), "--instrument", "MY-PHQ2", "--input",
                plain.toString(), "--output", own.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--output must differ from --definition: own.json"), r.err());
        assertArrayEquals(before, Files.readAllBytes(own));
        CliRun ok = CliRun.of("fhir", "--definition", own.toString(), "--instrument", "MY-PHQ2", "--input",
                plain.toString(), "--output", dir.resolve("o.ndjson").toString());
        assertEquals(0, ok.status(), ok.err());
    }
}
