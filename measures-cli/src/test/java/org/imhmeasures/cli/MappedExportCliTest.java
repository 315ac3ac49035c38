/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From realistic exports, made here, to scored CSVs per instrument with one reviewed mapping and one
 * {@code score} command: Excel "CSV UTF-8" (BOM, CRLF, trailing blank rows), European {@code ;} in
 * windows-1252, labels with case and spacing variants, a system total, long format in any order, an episode
 * row with baseline and discharge EPDS blocks stored as item scores, mixed instruments in one row.
 */
class MappedExportCliTest {

    private static final String NHS = "9434765919";
    private static final String NAME = "Zebedee Quinlan-Marsh";

    private static final String PHQ9_LABELS = "Not at all,Several days,More than half the days,Nearly every day";

    /** Excel CSV UTF-8: BOM, CRLF, labels in any case and spacing, a system total, blank rows at the end. */
    @Test
    void excelUtf8Labels_mixedInstruments_toOneCsvPerInstrument(@TempDir Path dir) throws Exception {
        String[] labels = PHQ9_LABELS.split(",");
        StringBuilder csv = new StringBuilder("\uFEFFClient ID,Patient Name,NHS Number,Team,Infant DOB,Contact Date,"
                + "Outcome Timepoint");
        for (int i = 1; i <= 9; i++) {
            csv.append(",PHQ9 Q").append(i);
        }
        csv.append(",PHQ9 Total");
        for (int i = 1; i <= 7; i++) {
            csv.append(",GAD7 Item ").append(i);
        }
        csv.append("\r\n");
        // c-1: every PHQ-9 item "several days" in odd spellings (total 9), item 9 at alert level; GAD-7 all 2
        csv.append("c-1,").append(NAME).append(',').append(NHS).append(",North Team,01/03/2024,15/09/2024,Initial Assessment");
        for (int i = 1; i <= 9; i++) {
            csv.append(',').append(i % 2 == 0 ? "  SEVERAL   days " : "several Days");
        }
        csv.append(",9");
        for (int i = 1; i <= 7; i++) {
            csv.append(",2");
        }
        csv.append("\r\n");
        // c-2: PHQ-9 all "not at all" but the system says 27 (a wrong total); GAD-7 not administered
        csv.append("c-2,").append(NAME).append(',').append(NHS).append(",South Team,01/01/2023,15/09/2024,discharge");
        for (int i = 1; i <= 9; i++) {
            csv.append(',').append(labels[0]);
        }
        csv.append(",27");
        for (int i = 1; i <= 7; i++) {
            csv.append(',');
        }
        csv.append("\r\n");
        // c-3: PHQ-9 not administered ("Not answered" counts as blank); GAD-7 one label that is no code
        csv.append("c-3,").append(NAME).append(',').append(NHS).append(",North Team,,15/09/2024,Review");
        for (int i = 1; i <= 9; i++) {
            csv.append(",Not answered");
        }
        csv.append(',');
        for (int i = 1; i <= 7; i++) {
            csv.append(i == 3 ? "," + NAME : ",1");
        }
        csv.append("\r\n");
        csv.append(",,,,,,,,,,,,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,,,,,,,,,,,,\r\n");
        Path export = Files.writeString(dir.resolve("export.csv"), csv.toString());

        CliRun inspect = CliRun.of("inspect", "--input", export.toString(), "--output", dir.resolve("proposed.json")
                .toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("encoding: UTF-8 with byte-order mark"), inspect.out());
        assertTrue(inspect.out().contains("\"PHQ9 Q1\" -> PHQ-9 phq9_1"), inspect.out());
        assertTrue(inspect.out().contains("\"PHQ9 Total\" -> PHQ-9 total"), inspect.out());
        assertTrue(inspect.out().contains("\"GAD7 Item 7\" -> GAD-7 gad7_7"), inspect.out());
        assertTrue(inspect.out().contains("\"NHS Number\": looks like an identifier"), inspect.out());
        assertTrue(inspect.out().contains("labels"), inspect.out());
        assertNoIdentifiers(inspect.out() + inspect.err());
        String proposed = Files.readString(dir.resolve("proposed.json"));
        assertTrue(proposed.contains("\"answers\" : \"labels\""), proposed);
        assertNoIdentifiers(proposed);

        // the reviewed mapping: the analyst adds what inspect cannot know
        Path map = Files.writeString(dir.resolve("mapping.json"), """
                {"format": "imh-measures/mapping@1", "dateFormat": "dd/MM/yyyy",
                 "recordId": "Client ID", "timepoint": "Outcome Timepoint",
                 "timepoints": {"Initial Assessment": "baseline", "Review": "review", "Discharge": "discharge"},
                 "date": "Contact Date", "keep": {"team": "Team"}, "infant": {"birthDate": "Infant DOB"},
                 "instruments": {
                   "PHQ-9": {"answers": "labels", "items": {%s}, "missing": ["", "not  answered"], "total": "PHQ9 Total"},
                   "GAD-7": {"answers": "codes", "items": {%s}}}}
                """.formatted(items("phq9_", "PHQ9 Q", 9), items("gad7_", "GAD7 Item ", 7)));
        Path out = dir.resolve("scores");
        CliRun r = CliRun.of("score", "--map", map.toString(), "--input", export.toString(), "--instruments", "all",
                "--output-dir", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("PHQ-9 1.0.0: rows read 3 = scored 2 + rejected 0 + not administered 1"), r.out());
        assertTrue(r.out().contains("GAD-7 1.1.0: rows read 3 = scored 1 + rejected 1 + not administered 1"), r.out());
        assertTrue(r.out().contains("system total differs from ours in 1 rows"), r.out());
        List<String> phq9 = Files.readAllLines(out.resolve("phq9.csv"));
        assertEquals("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                + "critical_items,critical_unanswered,timepoint,date,team,age_band,system_total_differs", phq9.get(0));
        assertTrue(phq9.get(1).startsWith("c-1,PHQ-9,1.0.0,9,9,"), phq9.get(1));
        assertTrue(phq9.get(1).endsWith(",phq9_9,,baseline,2024-09-15,North Team,0-12 months,false"), phq9.get(1));
        assertTrue(phq9.get(2).startsWith("c-2,PHQ-9,1.0.0,0,0,"), phq9.get(2));
        assertTrue(phq9.get(2).endsWith(",discharge,2024-09-15,South Team,12-24 months,true"), phq9.get(2));
        assertEquals(3, phq9.size());
        List<String> gadRejects = Files.readAllLines(out.resolve("gad7-rejects.csv"));
        assertEquals(2, gadRejects.size(), gadRejects.toString());
        assertTrue(gadRejects.get(1).startsWith("4,c-3,code_not_allowed,"), gadRejects.get(1));
        assertNoIdentifiers(r.out() + r.err() + String.join("\n", gadRejects));
        assertTrue(Files.exists(out.resolve("gad7.csv")) && Files.exists(out.resolve("phq9-rejects.csv")));
    }

    /** European Excel: semicolons, windows-1252 (é in a team name), codes; blank ;;; rows at the end. */
    @Test
    void europeanSemicolonWindows1252_withAndWithoutMapping(@TempDir Path dir) throws Exception {
        String text = "record_id;Équipe;core10_1;core10_2;core10_3;core10_4;core10_5;core10_6;core10_7;core10_8;core10_9;"
                + "core10_10\r\na;Café Team;1;3;3;1;1;0;1;1;1;1\r\nb;Café Team;0;0;0;0;0;2;0;0;0;0\r\n;;;;;;;;;;;\r\n";
        Path export = Files.write(dir.resolve("eu.csv"), text.getBytes(Charset.forName("windows-1252")));
        CliRun inspect = CliRun.of("inspect", "--input", export.toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("encoding: windows-1252"), inspect.out());
        assertTrue(inspect.out().contains("delimiter: ;"), inspect.out());

        CliRun plain = CliRun.of("score", "--instrument", "CORE-10", "--input", export.toString(), "--output",
                dir.resolve("plain.csv").toString(), "--delimiter", ";", "--encoding", "windows-1252");
        assertEquals(0, plain.status(), plain.err());
        // without a mapping the blank ;;; row is rejected, as before (a mapped run skips it)
        assertTrue(plain.out().contains("rows read 3 = scored 2 + rejected 1"), plain.out());

        Path map = Files.writeString(dir.resolve("m.json"), """
                {"format": "imh-measures/mapping@1", "encoding": "windows-1252", "delimiter": ";",
                 "recordId": "record_id", "keep": {"team": "Équipe"},
                 "instruments": {"CORE-10": {"items": {%s}}}}
                """.formatted(items("core10_", "core10_", 10)));
        CliRun mapped = CliRun.of("score", "--map", map.toString(), "--input", export.toString(), "--instrument",
                "CORE-10", "--output", dir.resolve("mapped.csv").toString());
        assertEquals(0, mapped.status(), mapped.err());
        List<String> rows = Files.readAllLines(dir.resolve("mapped.csv"));
        assertTrue(rows.get(0).endsWith(",critical_unanswered,team"), rows.get(0));
        assertTrue(rows.get(1).startsWith("a,CORE-10,1.0.1,9,"), rows.get(1));
        assertTrue(rows.get(1).endsWith(",Café Team"), rows.get(1));
        assertTrue(rows.get(2).contains(",core10_6,"), "item 6 at alert level: " + rows.get(2));

        // the same bytes read as UTF-8 fail with a located error, never a guess
        CliRun wrong = CliRun.of("score", "--instrument", "CORE-10", "--input", export.toString(), "--output",
                dir.resolve("w.csv").toString(), "--delimiter", ";");
        assertEquals(1, wrong.status(), wrong.err());
        assertTrue(wrong.err().contains("line 1"), wrong.err());
        assertFalse(Files.exists(dir.resolve("w.csv")));
    }

    /** An episode row: baseline and discharge EPDS blocks stored as item scores; totals and item-10 alerts true. */
    @Test
    void episodeRowWithTwoEpdsBlocksStoredAsScores_totalsAndAlertsEqualTheTruth(@TempDir Path dir) throws Exception {
        long seed = 20261211L;
        Random random = new Random(seed);
        Instrument epds = Catalogue.builtIn().get("EPDS");
        Scorer truth = Scorer.of(epds);
        StringBuilder csv = new StringBuilder("Episode,BaselineDate,DischargeDate");
        for (String when : List.of("baseline", "discharge")) {
            for (int i = 1; i <= 10; i++) {
                csv.append(",EPDS_").append(when).append('_').append(i);
            }
        }
        csv.append('\n');
        List<String> expectedTotals = new ArrayList<>();
        List<Boolean> expectedAlerts = new ArrayList<>();
        for (int row = 0; row < 40; row++) {
            csv.append("e-").append(row).append(",2024-01-0").append(1 + row % 9).append(",2024-06-1").append(row % 9);
            for (int block = 0; block < 2; block++) {
                String[] codes = new String[10];
                for (int i = 0; i < 10; i++) {
                    codes[i] = Integer.toString(random.nextInt(4));
                    ResponseScale.Options scale = (ResponseScale.Options) epds.items().get(i).scale();
                    csv.append(',').append(scale.scoreOf(codes[i]).orElseThrow());
                }
                Scored result = (Scored) truth.scoreCodes(codes);
                expectedTotals.add(result.rawTotal().isPresent() ? Integer.toString(result.rawTotal().getAsInt()) : "");
                expectedAlerts.add(!result.criticalAlerts().isEmpty());
            }
            csv.append('\n');
        }
        Path export = Files.writeString(dir.resolve("episodes.csv"), csv.toString());
        Path map = Files.writeString(dir.resolve("m.json"), """
                {"format": "imh-measures/mapping@1", "recordId": "Episode",
                 "instruments": {"EPDS": [
                   {"timepoint": "baseline", "date": "BaselineDate", "answers": "scores", "items": {%s}},
                   {"timepoint": "discharge", "date": "DischargeDate", "answers": "scores", "items": {%s}}]}}
                """.formatted(items("epds_", "EPDS_baseline_", 10), items("epds_", "EPDS_discharge_", 10)));
        CliRun r = CliRun.of("score", "--map", map.toString(), "--input", export.toString(), "--instrument", "EPDS",
                "--output", dir.resolve("epds.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("rows read 80 = scored 80 + rejected 0 + not administered 0"), r.out());
        List<String> rows = Files.readAllLines(dir.resolve("epds.csv"));
        assertEquals(81, rows.size());
        for (int i = 0; i < 80; i++) {
            String[] cells = rows.get(i + 1).split(",", -1);
            assertEquals("e-" + i / 2, cells[0], "seed " + seed);
            assertEquals(i % 2 == 0 ? "baseline" : "discharge", cells[11], "seed " + seed);
            assertEquals(expectedTotals.get(i), cells[3], "seed " + seed + " row " + i);
            assertEquals(expectedAlerts.get(i), cells[9].contains("epds_10"), "seed " + seed + " row " + i);
        }
        // the same export read as codes gives other totals: the point of declaring scores
        Path asCodes = Files.writeString(dir.resolve("codes.json"), Files.readString(map).replace("\"scores\"",
                "\"codes\""));
        CliRun wrong = CliRun.of("score", "--map", asCodes.toString(), "--input", export.toString(), "--instrument",
                "EPDS", "--output", dir.resolve("wrong.csv").toString());
        assertEquals(0, wrong.status(), wrong.err());
        assertFalse(Files.readString(dir.resolve("wrong.csv")).equals(Files.readString(dir.resolve("epds.csv"))));
    }

    /** Long format in arbitrary order, instrument and item names mapped. */
    @Test
    void longFormatInArbitraryOrder_groupsByRecordInstrumentTimepointAndDate(@TempDir Path dir) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String who : List.of("p1", "p2")) {
            for (int i = 1; i <= 9; i++) {
                rows.add(who + ",PHQ9,Q" + i + "," + (who.equals("p1") ? 1 : 2) + ",Initial,2024-02-01");
            }
            for (int i = 1; i <= 7; i++) {
                rows.add(who + ",GAD 7,Q" + i + ",3,Initial,2024-02-01");
            }
            rows.add(who + ",Other scale,Q1,3,Initial,2024-02-01");
        }
        java.util.Collections.shuffle(rows, new Random(7));
        Path export = Files.writeString(dir.resolve("long.csv"), "Client,Questionnaire,QuestionNo,Response,When,Date\n"
                + String.join("\n", rows) + "\n");
        Path map = Files.writeString(dir.resolve("m.json"), """
                {"format": "imh-measures/mapping@1", "layout": "long",
                 "long": {"instrument": "Questionnaire", "item": "QuestionNo", "answer": "Response"},
                 "instrumentNames": {"PHQ9": "PHQ-9", "gad 7": "GAD-7"},
                 "recordId": "Client", "timepoint": "When", "timepoints": {"initial": "baseline"}, "date": "Date",
                 "instruments": {"PHQ-9": {"items": {%s}}, "GAD-7": {"items": {%s}}}}
                """.formatted(items("phq9_", "Q", 9), items("gad7_", "Q", 7)));
        CliRun r = CliRun.of("score", "--map", map.toString(), "--input", export.toString(), "--instruments",
                "PHQ-9,GAD-7", "--output-dir", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("PHQ-9 1.0.0: rows read 2 = scored 2 + rejected 0 + not administered 0"), r.out());
        String phq9 = Files.readString(dir.resolve("out/phq9.csv"));
        assertTrue(phq9.contains("p1,PHQ-9,1.0.0,9,9,"), phq9);
        assertTrue(phq9.contains("p2,PHQ-9,1.0.0,18,18,"), phq9);
        assertTrue(phq9.contains(",baseline,2024-02-01"), phq9);
        String gad7 = Files.readString(dir.resolve("out/gad7.csv"));
        assertTrue(gad7.contains("p1,GAD-7,1.1.0,21,21,"), gad7);
    }

    /** A malformed mapping fails with file and JSON path; no cell of the export is ever echoed. */
    @Test
    void malformedMapping_isLocated_andPlantedIdentifiersNeverReachStderr(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(dir.resolve("e.csv"), "Client ID,PHQ9 Q1\n" + NHS + "," + NAME + "\n");
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"format": "imh-measures/mapping@1", "recordId": "Client ID",
                 "instruments": {"PHQ-9": {"answers": "labels", "items": {"phq9_10": "PHQ9 Q1"}}}}
                """);
        CliRun r = CliRun.of("score", "--map", bad.toString(), "--input", export.toString(), "--instrument", "PHQ-9",
                "--output", dir.resolve("o.csv").toString());
        assertEquals(1, r.status());
        assertEquals("imh-measures: --map bad.json: instruments.PHQ-9.items: item must be one of phq9_1..phq9_9: "
                + "\"phq9_10\"", r.err().strip());
        Path typo = Files.writeString(dir.resolve("typo.json"), """
                {"format": "imh-measures/mapping@1", "recordId": "Client ID",
                 "instruments": {"PHQ-9": [{"answer": "labels", "items": {"phq9_1": "PHQ9 Q1"}}]}}
                """);
        CliRun t = CliRun.of("score", "--map", typo.toString(), "--input", export.toString(), "--instrument", "PHQ-9",
                "--output", dir.resolve("o.csv").toString());
        assertTrue(t.err().contains("typo.json: instruments.PHQ-9[0].answer: field must be one of"), t.err());

        Path good = Files.writeString(dir.resolve("good.json"), """
                {"format": "imh-measures/mapping@1", "recordId": "Client ID",
                 "instruments": {"PHQ-9": {"answers": "labels", "items": {"phq9_1": "PHQ9 Q1"}}}}
                """);
        CliRun scored = CliRun.of("score", "--map", good.toString(), "--input", export.toString(), "--instrument",
                "PHQ-9", "--output", dir.resolve("o.csv").toString(), "--rejects", dir.resolve("r.csv").toString());
        assertEquals(0, scored.status(), scored.err());
        assertNoIdentifiers(scored.out() + scored.err() + Files.readString(dir.resolve("r.csv")).replace(NHS, ""));
        Path missingColumn = Files.writeString(dir.resolve("col.json"), Files.readString(good).replace("PHQ9 Q1",
                "PHQ9 Q01"));
        CliRun absent = CliRun.of("score", "--map", missingColumn.toString(), "--input", export.toString(),
                "--instrument", "PHQ-9", "--output", dir.resolve("o2.csv").toString());
        assertEquals(1, absent.status());
        assertTrue(absent.err().contains("header must have the mapped column \"PHQ9 Q01\": absent"), absent.err());
        assertFalse(Files.exists(dir.resolve("o2.csv")));
    }

    /** Labels without a mapping: the standard columns, PHQ-9's own option labels. */
    @Test
    void answersLabels_withoutMapping_useTheCatalogueLabels(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("l.csv"), "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,"
                + "phq9_8,phq9_9\nr1,NEARLY EVERY DAY,Nearly every day,Not at all,Not at all,Not at all,Not at all,"
                + "Not at all,Not at all,not at all\n");
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--answers", "labels");
        assertEquals(0, r.status(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("o.csv"));
        assertEquals("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                + "critical_items,critical_unanswered", rows.get(0));
        assertTrue(rows.get(1).startsWith("r1,PHQ-9,1.0.0,6,6,"), rows.get(1));
    }

    /** A user's own definition is scored like a catalogue one. */
    @Test
    void definitionFile_addsAnInstrumentForTheRun(@TempDir Path dir) throws Exception {
        String phq2 = new String(Catalogue.class.getResourceAsStream("catalogue/phq2.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Path own = Files.writeString(dir.resolve("own.json"), phq2.replace("\"id\": \"PHQ-2\"", "\"id\": \"MY-PHQ2\"")
                .replace("phq2_", "myphq2_"));
        Path in = Files.writeString(dir.resolve("i.csv"), "record_id,myphq2_1,myphq2_2\na,3,3\n");
        CliRun r = CliRun.of("score", "--definition", own.toString(), "--instrument", "MY-PHQ2", "--input",
                in.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(Files.readString(dir.resolve("o.csv")).contains("a,MY-PHQ2,"), Files.readString(dir.resolve("o.csv")));
        CliRun unknown = CliRun.of("score", "--instrument", "MY-PHQ2", "--input", in.toString(), "--output",
                dir.resolve("o3.csv").toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("imh-measures: --instrument must be one of [PHQ-9"), unknown.err());
    }

    private static String items(String idPrefix, String columnPrefix, int count) {
        List<String> pairs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pairs.add("\"" + idPrefix + i + "\": \"" + columnPrefix + i + "\"");
        }
        return String.join(", ", pairs);
    }

    private static void assertNoIdentifiers(String text) {
        assertFalse(text.contains(NHS), text);
        assertFalse(text.contains("Zebedee"), text);
        assertFalse(text.contains("Quinlan"), text);
    }
}
