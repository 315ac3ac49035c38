/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Caseness;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.SubscaleScore;
import org.imhmeasures.scoring.change.Category;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.ClinicalSignificance;
import org.imhmeasures.scoring.change.CutoffCrossing;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.change.ReliableChangeDirection;
import org.imhmeasures.scoring.change.SignificanceCriterion;
import org.imhmeasures.scoring.cohort.CohortReport;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.junit.jupiter.api.Test;

/**
 * The wire form of results: every catalogue instrument scored from a JSON administration serialises to the
 * documented form (checked field by field against the result's accessors, and against
 * {@code docs/json/result.schema.json}); planted patient values never reach the JSON.
 */
class WireFormTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new ImhMeasuresModule());
    /** Reads decimals as written: 20.00 stays 20.00. */
    private static final ObjectMapper DECIMALS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final long SEED = Long.getLong("wireform.seed", 20_261_201L);

    @Test
    void everyCatalogueInstrument_scoredFromJson_serialisesToItsValuesAndTheSchema() throws IOException {
        Random random = new Random(SEED);
        List<Instrument> instruments = new ArrayList<>(CATALOGUE.instruments());
        instruments.add(org.imhmeasures.scoring.TestFeedback.instrument()); // answers only
        for (Instrument instrument : instruments) {
            for (int round = 0; round < 20; round++) {
                Map<String, Object> answers = new LinkedHashMap<>();
                for (Item item : instrument.items()) {
                    // a few answers left out, so that prorated, missing-item and not-scorable results occur too
                    if (random.nextInt(12) != 0) {
                        answers.put(item.id(), code(item, random));
                    }
                }
                String document = MAPPER.writeValueAsString(Map.of("instrument", instrument.id(), "answerKind",
                        "codes", "answers", answers));
                AdministrationRequest request = MAPPER.readValue(document, AdministrationRequest.class);
                assertEquals(AdministrationRequest.parse(document), request, document);
                ScoreResult result = Scorer.of(instrument, request.options(ScoringOptions.defaults()))
                        .score(request.administration());
                JsonNode json = DECIMALS.readTree(MAPPER.writeValueAsString(result));
                String context = instrument.id() + " seed " + SEED + " round " + round + ": " + json;
                Schemas.assertValid(Schemas.RESULT, json);
                assertEquals(WireForm.FORMAT, json.get("format").asText(), context);
                assertProvenance(result, json, context);
                if (result instanceof Scored s) {
                    assertScored(s, json, context);
                } else {
                    assertNotScorable((NotScorable) result, json, context);
                }
            }
        }
    }

    private static String code(Item item, Random random) {
        if (!item.scale().listedAnswers().isEmpty()) {
            return item.scale().listedAnswers().get(random.nextInt(item.scale().listedAnswers().size())).code();
        }
        ResponseScale.Rating rating = (ResponseScale.Rating) item.scale();
        return Integer.toString(rating.min() + random.nextInt(rating.max() - rating.min() + 1));
    }

    private static void assertProvenance(ScoreResult result, JsonNode json, String context) {
        JsonNode p = json.get("provenance");
        assertEquals(result.provenance().instrumentId(), p.get("instrumentId").asText(), context);
        assertEquals(result.provenance().definitionVersion(), p.get("definitionVersion").asText(), context);
        assertEquals(result.provenance().libraryVersion(), p.get("libraryVersion").asText(), context);
        assertEquals(result.criticalAlerts().size(), json.get("criticalAlerts").size(), context);
        for (int i = 0; i < result.criticalAlerts().size(); i++) {
            assertEquals(result.criticalAlerts().get(i).itemId(), json.get("criticalAlerts").get(i).get("itemId")
                    .asText(), context);
            assertEquals(result.criticalAlerts().get(i).score(), json.get("criticalAlerts").get(i).get("score")
                    .asInt(), context);
        }
        assertEquals(result.criticalUnanswered().size(), json.get("criticalUnanswered").size(), context);
        for (int i = 0; i < result.criticalUnanswered().size(); i++) {
            CriticalItemUnanswered u = result.criticalUnanswered().get(i);
            assertEquals(u.itemId(), json.get("criticalUnanswered").get(i).get("itemId").asText(), context);
            assertEquals(u.cause().name().toLowerCase(Locale.ROOT), json.get("criticalUnanswered").get(i)
                    .get("cause").asText(), context);
        }
    }

    private static void assertScored(Scored s, JsonNode json, String context) {
        assertEquals("scored", json.get("status").asText(), context);
        assertEquals(s.rawTotal().isPresent(), json.has("rawTotal"), context);
        s.rawTotal().ifPresent(t -> assertEquals(t, json.get("rawTotal").intValue(), context));
        assertEquals(s.total().isPresent(), json.has("total"), context);
        // the decimal as computed, scale included: a SWEMWBS 7.00 is written 7.00
        s.total().ifPresent(t -> assertEquals(t.toPlainString(), json.get("total").decimalValue().toPlainString(),
                context));
        assertBand(s.band().orElse(null), json.get("band"), context);
        assertEquals(s.bandStatus().name().toLowerCase(Locale.ROOT), json.get("bandStatus").asText(), context);
        assertEquals(s.caseness().name().toLowerCase(Locale.ROOT), json.get("caseness").asText(), context);
        assertEquals(s.prorated(), json.get("prorated").booleanValue(), context);
        List<String> missing = new ArrayList<>();
        json.get("itemsMissing").forEach(m -> missing.add(m.asText()));
        assertEquals(s.itemsMissing(), missing, context);
        Map<String, Integer> itemScores = new LinkedHashMap<>();
        json.get("itemScores").properties().forEach(e -> itemScores.put(e.getKey(), e.getValue().intValue()));
        assertEquals(s.itemScores(), itemScores, context);
        assertEquals(List.copyOf(s.itemScores().keySet()), List.copyOf(itemScores.keySet()), "form order: " + context);
        assertEquals(!s.recordedAnswers().isEmpty(), json.has("recordedAnswers"), context);
        if (json.has("recordedAnswers")) {
            Map<String, String> recorded = new LinkedHashMap<>();
            json.get("recordedAnswers").properties().forEach(e -> recorded.put(e.getKey(), e.getValue().textValue()));
            assertEquals(List.copyOf(s.recordedAnswers().entrySet()), List.copyOf(recorded.entrySet()), context);
        }
        assertEquals(s.subscales().size(), json.get("subscales").size(), context);
        int i = 0;
        for (SubscaleScore sub : s.subscales().values()) {
            JsonNode node = json.get("subscales").get(i++);
            assertEquals(sub.subscaleId(), node.get("id").asText(), context);
            assertEquals(sub.score().map(BigDecimal::toPlainString).orElse(null), node.has("score")
                    ? node.get("score").decimalValue().toPlainString() : null, context);
            assertBand(sub.band().orElse(null), node.get("band"), context);
            assertEquals(sub.caseness().name().toLowerCase(Locale.ROOT), node.get("caseness").asText(), context);
            assertEquals(sub.prorated(), node.get("prorated").booleanValue(), context);
        }
    }

    private static void assertBand(Band band, JsonNode node, String context) {
        if (band == null) {
            assertEquals(null, node, context);
            return;
        }
        assertEquals(band.label(), node.get("label").asText(), context);
        assertEquals(0, band.from().compareTo(node.get("from").decimalValue()), context);
        assertEquals(0, band.to().compareTo(node.get("to").decimalValue()), context);
    }

    private static void assertNotScorable(NotScorable n, JsonNode json, String context) {
        assertEquals("not_scorable", json.get("status").asText(), context);
        assertEquals(n.problems().size(), json.get("problems").size(), context);
        for (int i = 0; i < n.problems().size(); i++) {
            assertEquals(n.problems().get(i).code(), json.get("problems").get(i).get("code").asText(), context);
            assertEquals(n.problems().get(i).message(), json.get("problems").get(i).get("message").asText(), context);
        }
    }

    @Test
    void plantedPatientValues_neverAppearInTheJson() throws IOException {
        List<String> planted = List.of("Jane Smith", "9434765919", "943 476 5919", "1987-03-14", "Quartermaine",
                "W1A 1AA");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("phq9_1", "Jane Smith");       // a name in an answer cell
        answers.put("phq9_2", "9434765919");       // an NHS number
        answers.put("phq9_3", "1987-03-14");       // a date of birth
        answers.put("Quartermaine", "2");          // a name as a key
        answers.put("W1A 1AA", "1");               // a postcode as a key
        answers.put("phq9_9", "943 476 5919");     // the critical item, unreadable
        ScoreResult wrong = Scorer.of(CATALOGUE.get("PHQ-9")).score(Administration.of("943 476 5919", answers));
        ScoreResult bad = Scorer.of(CATALOGUE.get("PHQ-9")).score(Administration.of("PHQ-9", answers));
        ScoreResult badScores = Scorer.of(CATALOGUE.get("EPDS"), ScoringOptions.defaults().with(
                org.imhmeasures.scoring.AnswerKind.SCORES)).score(Administration.of("EPDS", Map.of("epds_10",
                "Jane Smith")));
        for (ScoreResult result : List.of(wrong, bad, badScores)) {
            assertInstanceOf(NotScorable.class, result);
            for (ObjectMapper mapper : List.of(MAPPER, new ObjectMapper().findAndRegisterModules())) {
                String json = mapper.writeValueAsString(result);
                for (String value : planted) {
                    assertFalse(json.contains(value), () -> "planted " + value + " in " + json);
                }
                Schemas.assertValid(Schemas.RESULT, mapper.readTree(json));
            }
        }
        String json = MAPPER.writeValueAsString(bad);
        assertTrue(json.contains("\"code\":\"unknown_item\""), json);
        assertTrue(json.contains("\"code\":\"code_not_allowed\""), json);
        assertTrue(json.contains("\"itemId\":\"phq9_9\",\"cause\":\"code_not_allowed\""), json);
    }

    @Test
    void plainObjectMapper_withoutTheModule_cannotWriteScored_withItWritesTheForm() throws IOException {
        Scored scored = (Scored) Scorer.of(CATALOGUE.get("PHQ-9")).score(phq9(2));
        // the failure the module exists for: OptionalInt and Optional<BigDecimal> need a module
        assertThrows(InvalidDefinitionException.class, () -> new ObjectMapper().writeValueAsString(scored));
        ObjectMapper plain = new ObjectMapper();
        plain.registerModule(new ImhMeasuresModule());
        JsonNode json = plain.readTree(plain.writeValueAsString(scored));
        assertEquals(18, json.get("total").intValue());
        assertEquals("case", json.get("caseness").asText());
        assertEquals("phq9_9", json.get("criticalAlerts").get(0).get("itemId").asText());
        // found by the service loader as well
        assertEquals(json, plain.readTree(new ObjectMapper().findAndRegisterModules().writeValueAsString(scored)));
        // the mapper decides layout only
        assertEquals(json, plain.readTree(plain.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(scored)));
        // a tree of the form writes the same text
        assertEquals(plain.writeValueAsString(scored), plain.writeValueAsString(plain.valueToTree(scored)));
    }

    @Test
    void decimals_areWrittenInPlainNotationWithTheirScale() throws IOException {
        Instrument swemwbs = CATALOGUE.get("SWEMWBS");
        Map<String, String> lowest = new LinkedHashMap<>();
        for (Item item : swemwbs.items()) {
            lowest.put(item.id(), ((ResponseScale.Options) item.scale()).options().get(0).code());
        }
        Scored scored = (Scored) Scorer.of(swemwbs).score(Administration.of("SWEMWBS", lowest));
        String json = MAPPER.writeValueAsString(scored);
        assertTrue(json.contains("\"total\":" + scored.total().orElseThrow().toPlainString() + ","), json);
        assertEquals(2, scored.total().orElseThrow().scale(), "SWEMWBS metric scores have two decimals");
        Map<String, Object> form = WireForm.of(scored);
        assertEquals(scored.total().orElseThrow(), form.get("total"));
        assertThrows(UnsupportedOperationException.class, () -> form.put("status", "forged"));
    }

    @Test
    void resultSchema_refusesAFormThatBreaksTheContract() throws IOException {
        JsonNode good = MAPPER.valueToTree(Scorer.of(CATALOGUE.get("PHQ-9")).score(phq9(1)));
        Schemas.assertValid(Schemas.RESULT, good);
        List<java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> breaks = List.of(
                n -> n.remove("status"), n -> n.put("caseness", "CASE"), n -> n.put("patientSuppliedValue", "x"),
                n -> n.put("format", "imh-measures/result@2"), n -> n.remove("band"), n -> n.remove("criticalAlerts"),
                n -> n.put("status", "not_scorable"));
        for (var change : breaks) {
            com.fasterxml.jackson.databind.node.ObjectNode broken = good.deepCopy();
            change.accept(broken);
            assertFalse(Schemas.valid(Schemas.RESULT, broken), broken.toString());
        }
    }

    @Test
    void answersOnly_writesTheRecordedAnswersAndNoScore() throws IOException {
        Instrument feedback = org.imhmeasures.scoring.TestFeedback.instrument();
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("testfeedback_3", "2");
        answers.put("testfeedback_1", "5");
        Scored scored = (Scored) Scorer.of(feedback).score(Administration.of("TEST-FEEDBACK", answers));
        JsonNode json = MAPPER.valueToTree(scored);
        Schemas.assertValid(Schemas.RESULT, json);
        assertEquals("{\"testfeedback_1\":\"5\",\"testfeedback_3\":\"2\"}", json.get("recordedAnswers").toString());
        assertEquals(0, json.get("itemScores").size());
        assertEquals(0, json.get("subscales").size());
        assertFalse(json.has("total") || json.has("rawTotal") || json.has("band") || json.has("cutoffStatus"),
                json.toString());
        assertEquals("no_bands", json.get("bandStatus").asText());
        assertEquals("not_defined", json.get("caseness").asText());
        assertEquals("[\"testfeedback_2\"]", json.get("itemsMissing").toString());
        assertEquals(MAPPER.valueToTree(WireForm.of(scored)), json, "the module writes the WireForm");
        // the schema holds answers to strings, and a scored result never carries them
        com.fasterxml.jackson.databind.node.ObjectNode numeric = json.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) numeric.get("recordedAnswers")).put("testfeedback_1", 5);
        assertFalse(Schemas.valid(Schemas.RESULT, numeric), numeric.toString());
        JsonNode phq9 = MAPPER.valueToTree(Scorer.of(CATALOGUE.get("PHQ-9")).score(phq9(1)));
        assertFalse(phq9.has("recordedAnswers"), phq9.toString());
        // not scorable: the problems, as for any instrument; nothing of the answers
        answers.put("testfeedback_2", "Jane Smith");
        JsonNode refused = MAPPER.valueToTree(Scorer.of(feedback).score(Administration.of("TEST-FEEDBACK", answers)));
        Schemas.assertValid(Schemas.RESULT, refused);
        assertEquals("code_not_allowed", refused.get("problems").get(0).get("code").asText());
        assertFalse(refused.toString().contains("Jane"), refused.toString());
    }

    @Test
    void hads_withoutTotal_omitsTotalsAndGivesCasenessPerSubscale() throws IOException {
        Instrument hads = CATALOGUE.get("HADS");
        Map<String, String> answers = new LinkedHashMap<>();
        hads.items().forEach(item -> answers.put(item.id(), ((ResponseScale.Options) item.scale()).options().get(0)
                .code()));
        Scored scored = (Scored) Scorer.of(hads).score(Administration.of("HADS", answers));
        JsonNode json = MAPPER.valueToTree(scored);
        assertFalse(json.has("total"), json.toString());
        assertFalse(json.has("rawTotal"), json.toString());
        assertEquals("per_subscale", json.get("caseness").asText());
        assertEquals(2, json.get("subscales").size());
        Schemas.assertValid(Schemas.RESULT, json);
    }

    @Test
    void problems_haveTheSameFieldsAsAPlainJacksonBinderGivesThem() throws IOException {
        List<Problem> problems = List.of(new Problem.CodeNotAllowed("phq9_1", "Jane Smith", "0..3"),
                new Problem.UnknownItem(3, "Quartermaine"), new Problem.UnknownItem(4, " "),
                new Problem.DuplicateItem("phq9_9", List.of(8, 9)), new Problem.WrongInstrument("PHQ-9", "GAD-7"),
                new Problem.TooManyMissing(List.of("phq9_3", "phq9_4"), 1),
                new Problem.ScoreNotAllowed("epds_10", "Jane Smith", "0..3"));
        Set<String> codes = new TreeSet<>();
        for (Problem problem : problems) {
            JsonNode form = MAPPER.valueToTree(problem);
            assertEquals(new ObjectMapper().valueToTree(problem), form, problem.toString());
            assertFalse(form.toString().contains("Jane") || form.toString().contains("Quartermaine"), form.toString());
            codes.add(problem.code());
        }
        JsonNode schemaCodes = MAPPER.readTree(Schemas.text("result.schema.json")).at("/$defs/problem/properties/code/enum");
        Set<String> documented = new TreeSet<>();
        schemaCodes.forEach(c -> documented.add(c.asText()));
        assertEquals(codes, documented, "every problem code is in the schema");
    }

    @Test
    void schemaEnumerations_areTheEnumsWords() throws IOException {
        JsonNode defs = MAPPER.readTree(Schemas.text("result.schema.json")).get("$defs");
        assertWords(Caseness.values(), defs.at("/caseness/enum"));
        assertWords(BandStatus.values(), defs.at("/bandStatus/enum"));
        assertWords(CriticalItemUnanswered.Cause.values(), defs.at("/criticalUnanswered/properties/cause/enum"));
        assertWords(ReliableChangeDirection.values(), defs.at("/assessed/properties/reliableChange/enum"));
        assertWords(CutoffCrossing.values(), defs.at("/assessed/properties/crossedCutoff/enum"));
        assertWords(ClinicalSignificance.values(), defs.at("/assessed/properties/clinicallySignificant/enum"));
        assertWords(Category.values(), defs.at("/assessed/properties/category/enum"));
        assertWords(ChangeResult.Reason.values(), defs.at("/notAssessable/properties/reason/enum"));
    }

    private static void assertWords(Enum<?>[] values, JsonNode documented) {
        List<String> words = new ArrayList<>();
        for (Enum<?> value : values) {
            words.add(value.name().toLowerCase(Locale.ROOT));
        }
        List<String> schema = new ArrayList<>();
        documented.forEach(w -> schema.add(w.asText()));
        assertEquals(words, schema, values[0].getDeclaringClass().getSimpleName());
    }

    @Test
    void changeResults_serialiseAssessedAndNotAssessable() throws IOException {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        ChangeModel model = ChangeModel.published(phq9, ChangeOptions.defaults());
        Scorer scorer = Scorer.of(phq9);
        ChangeResult assessed = model.assess((Scored) scorer.score(phq9(2)), (Scored) scorer.score(phq9(0)));
        ChangeResult.Assessed a = assertInstanceOf(ChangeResult.Assessed.class, assessed);
        JsonNode json = MAPPER.valueToTree(assessed);
        Schemas.assertValid(Schemas.RESULT, json);
        assertEquals("assessed", json.get("status").asText());
        assertEquals("18", json.get("pre").asText(), "a whole score has no .0");
        assertEquals("0", json.get("post").asText());
        assertEquals("-18", json.get("change").asText());
        assertEquals(a.reliableChange().name().toLowerCase(Locale.ROOT), json.get("reliableChange").asText());
        assertEquals(a.crossedCutoff().name().toLowerCase(Locale.ROOT), json.get("crossedCutoff").asText());
        assertEquals(a.clinicallySignificant().name().toLowerCase(Locale.ROOT),
                json.get("clinicallySignificant").asText());
        assertEquals(a.category().name().toLowerCase(Locale.ROOT), json.get("category").asText());
        assertEquals(a.rci().isPresent(), json.has("rci"));
        assertEquals(a.dysfunctionalAtStart().isPresent(), json.has("dysfunctionalAtStart"));

        Scored gad7 = (Scored) Scorer.of(CATALOGUE.get("GAD-7")).score(Administration.of("GAD-7", Map.of(
                "gad7_1", "1", "gad7_2", "1", "gad7_3", "1", "gad7_4", "1", "gad7_5", "1", "gad7_6", "1",
                "gad7_7", "1")));
        ChangeResult mismatch = model.assess((Scored) scorer.score(phq9(1)), gad7);
        JsonNode notAssessable = MAPPER.valueToTree(mismatch);
        Schemas.assertValid(Schemas.RESULT, notAssessable);
        assertEquals("not_assessable", notAssessable.get("status").asText());
        assertEquals("instrument_mismatch", notAssessable.get("reason").asText());
    }

    @Test
    void changeResults_percentageAndPercentageRefusal_serialiseToTheSchema() throws IOException {
        ChangeModel model = ChangeModel.published(CATALOGUE.get("PHQ-9"), ChangeOptions.defaults()
                .with(RciMethod.PERCENTAGE_CHANGE).withPercentageChange(0.5, 0.5));
        JsonNode json = MAPPER.valueToTree(model.assess(20, 10));
        Schemas.assertValid(Schemas.RESULT, json);
        assertEquals("-0.5", json.get("relativeChange").asText());
        assertEquals(false, json.has("clinicalSignificanceIndex"));
        JsonNode refused = MAPPER.valueToTree(model.assess(0, 10));
        Schemas.assertValid(Schemas.RESULT, refused);
        assertEquals("baseline_not_positive", refused.get("reason").asText());
    }

    @Test
    void cohortReport_isTheReportFilesForm() throws IOException {
        String pairs;
        try (InputStream in = WireFormTest.class.getResourceAsStream(
                "/org/imhmeasures/scoring/cohort/report-json/phq9-pairs.csv")) {
            pairs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CohortReport report = ChangeCsv.of(CATALOGUE.get("PHQ-9"), ChangeOptions.defaults(), List.of("team"))
                .run(() -> new StringReader(pairs), new StringWriter()).cohort();
        JsonNode form = MAPPER.valueToTree(report);
        Schemas.assertValid(Schemas.RESULT, form);
        JsonNode file = MAPPER.readTree(CohortReports.toJson(report));
        assertEquals(fieldPaths(file, ""), fieldPaths(form, ""), "same fields as the report file");
        assertEquals(file.at("/overall/nPaired").asLong(), form.at("/overall/nPaired").asLong());
        assertEquals(0, file.at("/overall/meanChange").decimalValue().compareTo(form.at("/overall/meanChange")
                .decimalValue()));
        assertFalse(MAPPER.writeValueAsString(report).contains("E-"), "plain notation");
    }

    @Test
    void cohortReport_ofAnchorPercentageAndTrueScoreRuns_fitsTheSchema() throws IOException {
        String pairs = "record_id,pre,post,team\na,20,12,N\nb,15,13,N\nc,12,18,S\nd,10,9,S\ne,25,5,N\n";
        for (ChangeOptions options : List.of(
                ChangeOptions.defaults().with(RciMethod.ANCHOR_BASED).withMinimalImportantDifference(5, 3),
                ChangeOptions.defaults().with(RciMethod.PERCENTAGE_CHANGE).withPercentageChange(0.5, 0.25),
                ChangeOptions.defaults().with(RciMethod.HAGEMAN_ARRINDELL).with(ParameterSource.SAMPLE)
                        .withReliability(0.84).with(SignificanceCriterion.JT_A),
                ChangeOptions.defaults().withCutoff(12))) {
            CohortReport report = ChangeCsv.of(CATALOGUE.get("PHQ-9"), options, List.of("team"))
                    .run(() -> new StringReader(pairs), new StringWriter()).cohort();
            JsonNode form = MAPPER.valueToTree(report);
            Schemas.assertValid(Schemas.RESULT, form);
            JsonNode params = form.get("parameters");
            assertEquals(options.method() == RciMethod.ANCHOR_BASED, params.has("midImprovement"), options.toString());
            assertEquals(options.method() == RciMethod.PERCENTAGE_CHANGE, params.has("pctDeterioration"));
            assertEquals(options.method() == RciMethod.HAGEMAN_ARRINDELL, params.has("trueScore"));
        }
    }

    private static Set<String> fieldPaths(JsonNode node, String path) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.properties().forEach(e -> paths.addAll(fieldPaths(e.getValue(), path + "/" + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.addAll(fieldPaths(node.get(i), path + "/" + i));
            }
        }
        paths.add(path);
        return paths;
    }

    /** A complete PHQ-9 with every item answered {@code code}. */
    static Administration phq9(int code) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 9; i++) {
            answers.put("phq9_" + i, Integer.toString(code));
        }
        return Administration.of("PHQ-9", answers);
    }
}
