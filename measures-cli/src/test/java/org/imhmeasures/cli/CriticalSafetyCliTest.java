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
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end hazard controls "missed self-harm alert" and "unscored answers read as scored" through
 * {@link Main#run}: unanswered critical items in the {@code score} output and on the console, an alert
 * Observation from {@code fhir} for a rejected row with an alert, and {@code fhir-score} refusing a stopped
 * response or a display that contradicts its code.
 */
class CriticalSafetyCliTest {

    private static final String PHQ9 = "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9";
    private static final String CORE10 = "record_id,core10_1,core10_2,core10_3,core10_4,core10_5,core10_6,core10_7,"
            + "core10_8,core10_9,core10_10";

    @Test
    void score_core10WithoutItem6_proratesButNamesItInOutputAndOnTheConsole(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, CORE10 + "\na,1,3,3,1,1,,1,1,1,2\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "CORE-10", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,"
                + "prorated,critical_items,critical_unanswered", "a,CORE-10,1.0.1,10,11.11,mild,true,1,true,,core10_6"),
                Files.readAllLines(out));
        assertTrue(r.out().contains("critical items unanswered in 1 rows (alert status unknown): see "
                + "critical_unanswered"), r.out());
    }

    @Test
    void score_phq9WithoutItem9_missingProrate_isFlagged(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, PHQ9 + "\na,2,2,1,1,1,1,1,1,\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output", out.toString(),
                "--missing", "prorate");
        assertEquals(0, r.status(), r.err());
        assertEquals("a,PHQ-9,1.0.0,10,11.25,moderate,true,1,true,,phq9_9", Files.readAllLines(out).get(1));
    }

    @Test
    void fhir_rejectedRowWithAlert_writesAlertObservationAndStillCountsAsRejected(@TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, PHQ9 + "\n"
                + "ok,1,1,1,1,1,1,1,1,0\n"       // line 2: scored
                + "risk,1,1,,1,1,1,1,1,3\n"      // line 3: too many missing, but item 9 at alert level
                + "gap,1,1,,1,1,1,1,1,0\n");     // line 4: too many missing, no alert: reject only
        Path out = dir.resolve("out.ndjson");
        Path rej = dir.resolve("rej.csv");
        CliRun r = CliRun.of("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output", out.toString(),
                "--rejects", rej.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("PHQ-9 1.0.0: rows read 3 = mapped 1 + rejected 2" + System.lineSeparator()
                + "alert Observations written for 1 rejected rows with a critical-item alert (counted in rejected)"
                + System.lineSeparator(), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), "QR and Observation of line 2, alert Observation of line 3");
        Observation alert = FhirContext.forR4Cached().newJsonParser().parseResource(Observation.class, lines.get(2));
        assertEquals("alert-3", alert.getIdElement().getIdPart());
        assertEquals(FhirCommand.RECORD_ID_SYSTEM, alert.getIdentifierFirstRep().getSystem());
        assertEquals("risk", alert.getIdentifierFirstRep().getValue());
        assertEquals(ObservationStatus.FINAL, alert.getStatus());
        assertFalse(alert.hasValue());
        assertEquals("unknown", alert.getDataAbsentReason().getCodingFirstRep().getCode());
        assertEquals("AA", alert.getInterpretationFirstRep().getCodingFirstRep().getCode());
        assertTrue(alert.getInterpretationFirstRep().getText().startsWith("critical item phq9_9 scored 3"));
        assertEquals(List.of("line,record_id,reason,message,critical_items,critical_unanswered",
                "3,risk,too_many_missing,missing items must number at most 0: 1 (phq9_3); critical item at alert "
                        + "level: phq9_9,phq9_9,",
                "4,gap,too_many_missing,missing items must number at most 0: 1 (phq9_3),,"), Files.readAllLines(rej));
    }

    @Test
    void fhirScore_stoppedResponse_exitsOneWithOneLocatedLine() {
        CliRun r = CliRun.of("fhir-score", "--input", FhirScoreCommandTest.FIXTURES.resolve("n_stopped.json")
                .toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("OperationOutcome"), r.out()); // issue 16: printed instead of an Observation
        assertEquals("imh-measures: --input n_stopped.json: QuestionnaireResponse.status must be completed, amended "
                + "or in-progress to be scored: stopped", r.err().strip());
    }

    @Test
    void fhirScore_displayContradictingCode_exitsOneWithOneLocatedLine() {
        CliRun r = CliRun.of("fhir-score", "--input", FhirScoreCommandTest.FIXTURES.resolve(
                "n_display_contradicts_code.json").toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("QuestionnaireResponse.item[8].answer[0].valueCoding.display must agree with "
                + "valueCoding.code 0 of phq9_9: the label of code 3"), r.err());
    }

    @Test
    void fhirScore_amendedResponse_isFinalWithItsAlert() {
        CliRun r = CliRun.of("fhir-score", "--input", FhirScoreCommandTest.FIXTURES.resolve(
                "y_phq9_amended_display_variants.json").toString());
        assertEquals(0, r.status(), r.err());
        Observation obs = FhirContext.forR4Cached().newJsonParser().parseResource(Observation.class, r.out());
        assertEquals(ObservationStatus.FINAL, obs.getStatus());
        assertTrue(obs.getInterpretation().stream().anyMatch(c -> "AA".equals(c.getCodingFirstRep().getCode())),
                r.out());
    }

    @Test
    void fhirScore_notScorableWithUnansweredCritical_namesItInTheOneLine() {
        CliRun r = CliRun.of("fhir-score", "--input", FhirScoreCommandTest.FIXTURES.resolve(
                "y_phq9_partial_in_progress.json").toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("; critical item unanswered: phq9_9"), r.err());
    }
}
