/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Definitions whose answers are recorded and never scored ({@code "method": "answers_only"}). */
class AnswersOnlyDefinitionTest {

    private static final String NAME = "edited-" + DefinitionFixtures.ANSWERS_ONLY_FIXTURE;

    private static Instrument fixture() {
        return DefinitionFixtures.readAnswersOnly(tree -> { });
    }

    private static DefinitionException failing(Consumer<ObjectNode> edit) {
        return assertThrows(DefinitionException.class, () -> DefinitionFixtures.readAnswersOnly(edit));
    }

    private static void assertLocated(DefinitionException e, String field, String messagePart) {
        assertEquals(NAME, e.file());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(NAME + ": " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    private static ObjectNode option(ObjectNode tree, String scale, int index) {
        return (ObjectNode) tree.get("responseScales").get(scale).get("options").get(index);
    }

    @Test
    void read_fixture_isAnswersOnlyWithUnscoredScales() {
        Instrument instrument = fixture();
        assertInstanceOf(ScoringRule.AnswersOnly.class, instrument.scoring());
        assertFalse(instrument.scored());
        assertFalse(instrument.reportsTotal());
        assertEquals(Direction.NOT_APPLICABLE, instrument.direction());
        assertEquals(3, instrument.items().size());
        for (Item item : instrument.items()) {
            assertInstanceOf(ResponseScale.Unscored.class, item.scale(), item.id());
        }
        ResponseScale.Unscored first = (ResponseScale.Unscored) instrument.items().get(0).scale();
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), first.categories().stream().map(AnswerCategory::code)
                .toList());
        assertEquals(Optional.of("Test answer one"), first.categories().get(0).label());
        assertEquals("1..6", first.describeAllowed());
        assertTrue(first.allows("6"));
        assertFalse(first.allows("7"));
        assertFalse(first.allows(" 1"));
        ResponseScale second = instrument.items().get(1).scale();
        assertEquals("yes, no, unsure", second.describeAllowed());
        assertEquals(3, second.listedAnswers().size());
        assertTrue(second.allows("unsure"));
        assertFalse(second.allows("YES"));
        // a scored instrument stays scored
        assertTrue(Catalogue.builtIn().get("PHQ-9").scored());
        assertTrue(Catalogue.builtIn().get("GBO").scored());
        assertEquals(instrument, fixture());
    }

    @Test
    void read_loincAnswerOnACategory_isKept() {
        Instrument instrument = DefinitionFixtures.readAnswersOnly(tree -> option(tree, "three", 0)
                .put("loincAnswer", "LA99990-1"));
        ResponseScale.Unscored scale = (ResponseScale.Unscored) instrument.items().get(2).scale();
        assertEquals(Optional.of("LA99990-1"), scale.categories().get(0).loincAnswer());
        DefinitionException e = failing(tree -> option(tree, "three", 0).put("loincAnswer", "LA-bad"));
        assertLocated(e, "responseScales.three.options[0]", "loinc answer code must look like LAnnnn-n");
    }

    @Test
    void read_scoreUnderAnswersOnly_isLocatedRefusal() {
        DefinitionException e = failing(tree -> option(tree, "yes_no_unsure", 1).put("score", 1));
        assertLocated(e, "responseScales.yes_no_unsure.options[1].score", "score must be absent under answers_only");
    }

    @Test
    void read_missingScoreUnderOtherMethods_staysRefused() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "phq9.json", tree -> option(tree, "frequency", 2).remove("score")));
        assertEquals("responseScales.frequency.options[2].score", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("must be present"), e.getMessage());
        // the fixture read as a sum: every option lacks its score
        DefinitionException sum = failing(tree -> ((ObjectNode) tree.get("scoring")).put("method", "sum"));
        assertTrue(sum.field().matches("responseScales\\.[a-z_]+\\.options\\[0\\]\\.score"), sum.getMessage());
        assertTrue(sum.getMessage().contains("must be present"), sum.getMessage());
    }

    @Test
    void read_ratingUnderAnswersOnly_isLocatedRefusal() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("responseScales").get("three"))
                .putObject("rating").put("min", 0).put("max", 2));
        assertLocated(e, "responseScales.three.rating", "rating must be absent under answers_only");
    }

    @Test
    void read_answersOnlyOverScoredOptions_isRefused() {
        // PHQ-9's options carry scores: declaring answers_only does not make them unscored
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "phq9.json", tree -> {
                    ((ObjectNode) tree.get("scoring")).put("method", "answers_only");
                    for (String field : List.of("totalRange", "direction", "bands", "caseness", "reliableChange",
                            "norms", "codes")) {
                        tree.remove(field);
                    }
                    ((ObjectNode) tree.get("items").get(8)).remove("critical");
                }));
        assertEquals("responseScales.frequency.options[0].score", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("score must be absent under answers_only"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"totalRange", "direction", "subscales", "bands", "caseness", "reliableChange", "norms",
        "derivedFrom", "ageInterval", "licenseeCutoff"})
    void read_scoredFieldUnderAnswersOnly_isLocatedRefusal(String field) {
        DefinitionException e = failing(tree -> {
            switch (field) {
                case "direction" -> tree.put(field, "higher_is_better");
                case "subscales", "reliableChange", "norms" -> tree.putArray(field).addObject().put("id", "x");
                default -> tree.putObject(field).put("min", 0);
            }
        });
        assertLocated(e, field, field + " must be absent under answers_only scoring");
    }

    @Test
    void read_emptyArraysOfScoredFields_areAccepted() {
        Instrument instrument = DefinitionFixtures.readAnswersOnly(tree -> {
            tree.putArray("subscales");
            tree.putArray("reliableChange");
            tree.putArray("norms");
        });
        assertEquals(fixture(), instrument);
    }

    @Test
    void read_criticalItemUnderAnswersOnly_isLocatedRefusal() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("items").get(1)).putObject("critical")
                .put("minScore", 1).put("reason", "r").put("source", "s"));
        assertLocated(e, "items[1].critical", "critical must be absent under answers_only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prorate", "unadjusted"})
    void read_scoreMissingRulesUnderAnswersOnly_areLocatedRefusals(String rule) {
        DefinitionException e = failing(tree -> tree.putObject("missingItems").put("rule", rule).put("maxMissing", 1)
                .put("source", "s"));
        assertLocated(e, "missingItems.rule", "must be none_allowed or minimum_answered under answers_only");
    }

    @Test
    void read_noneAllowedUnderAnswersOnly_isAccepted() {
        Instrument instrument = DefinitionFixtures.readAnswersOnly(tree -> tree.putObject("missingItems")
                .put("rule", "none_allowed").put("note", "all three"));
        assertInstanceOf(MissingItemRule.NoneAllowed.class, instrument.missingItems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"loincTotal", "snomedScore"})
    void read_scoreCodesUnderAnswersOnly_areLocatedRefusals(String field) {
        DefinitionException e = failing(tree -> {
            ObjectNode codes = tree.putObject("codes").put("source", "s").put("loincPanel", "12345-6");
            if (field.equals("loincTotal")) {
                codes.put(field, "12345-7");
            } else {
                codes.putObject(field).put("id", "123456789");
            }
        });
        assertLocated(e, "codes." + field, field + " must be absent under answers_only");
    }

    @Test
    void read_panelAndItemLoincCodesUnderAnswersOnly_areAccepted() {
        Instrument instrument = DefinitionFixtures.readAnswersOnly(tree -> tree.putObject("codes").put("source", "s")
                .put("loincPanel", "12345-6").putObject("loincItems").put("testfeedback_1", "12345-8"));
        assertEquals(Optional.of("12345-6"), instrument.codes().loincPanel());
    }

    @Test
    void read_duplicateCategoryCodes_isRefused() {
        DefinitionException e = failing(tree -> option(tree, "yes_no_unsure", 2).put("code", "yes"));
        assertLocated(e, "responseScales.yes_no_unsure", "category codes must be unique: yes");
        DefinitionException one = failing(tree -> {
            ArrayNode options = (ArrayNode) tree.get("responseScales").get("three").get("options");
            options.remove(2);
            options.remove(1);
        });
        assertLocated(one, "responseScales.three", "categories must number at least 2: 1");
    }

    @Test
    void read_hugeNumericCategoryCode_isRefused() {
        DefinitionException e = failing(tree -> option(tree, "three", 2).put("code", "99999"));
        assertTrue(e.getMessage().contains("numeric option codes of item testfeedback_3 must lie within"),
                e.getMessage());
    }

    @Test
    void read_mixingScoredAndUnscoredScales_isImpossibleFromAFile() {
        // under answers_only a scored option is refused where it stands; under sum a missing score is
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("responseScales")).putObject("extra")
                .putArray("options").add(tree.objectNode().put("code", "a").put("score", 0))
                .add(tree.objectNode().put("code", "b").put("score", 1)));
        assertLocated(e, "responseScales.extra.options[0].score", "score must be absent");
    }

    // --- the same rules for definitions built in code ---

    private static Item unscoredItem(int position) {
        return new Item("testfeedback_" + position, position, Optional.empty(), new ResponseScale.Unscored(List.of(
                AnswerCategory.of("yes"), AnswerCategory.of("no"))), Optional.empty());
    }

    private static Instrument build(List<Item> items, ScoringRule scoring, MissingItemRule missing,
            Optional<ScoreRange> range, Direction direction, Bands bands, List<Subscale> subscales) {
        return new Instrument("TEST-FEEDBACK", "1.0.0", "Test", Respondent.SELF_REPORT, Optional.empty(), "tests",
                items, Source.of("s"), subscales, scoring, missing, range, direction, bands, Optional.empty(), List.of(),
                List.of(), Codes.none(), fixture().licence(), List.of());
    }

    private static final ScoringRule ANSWERS = new ScoringRule.AnswersOnly(Source.of("s"));
    private static final MissingItemRule NONE = new MissingItemRule.NoneAllowed("n");

    @Test
    void constructor_answersOnly_acceptsUnscoredItems() {
        Instrument instrument = build(List.of(unscoredItem(1), unscoredItem(2)), ANSWERS, NONE, Optional.empty(),
                Direction.NOT_APPLICABLE, Bands.none(), List.of());
        assertFalse(instrument.scored());
    }

    @Test
    void constructor_answersOnlyWithAScoredItem_isRefused() {
        Item scored = new Item("testfeedback_2", 2, Optional.empty(), new ResponseScale.Options(List.of(
                AnswerOption.of("0", 0), AnswerOption.of("1", 1))), Optional.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(List.of(unscoredItem(1),
                scored), ANSWERS, NONE, Optional.empty(), Direction.NOT_APPLICABLE, Bands.none(), List.of()));
        assertTrue(e.getMessage().contains("must be on unscored scales"), e.getMessage());
        assertTrue(e.getMessage().contains("testfeedback_2"), e.getMessage());
    }

    @Test
    void constructor_scoredRuleWithAnUnscoredItem_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(List.of(unscoredItem(1)),
                new ScoringRule.PerGoal(Source.of("s")), NONE, Optional.empty(), Direction.HIGHER_IS_BETTER,
                Bands.none(), List.of()));
        assertTrue(e.getMessage().contains("must be on scored scales unless its scoring is answers_only"),
                e.getMessage());
    }

    @Test
    void constructor_directionMustMatchTheKind() {
        IllegalArgumentException answers = assertThrows(IllegalArgumentException.class, () -> build(
                List.of(unscoredItem(1)), ANSWERS, NONE, Optional.empty(), Direction.HIGHER_IS_WORSE, Bands.none(),
                List.of()));
        assertTrue(answers.getMessage().contains("must be NOT_APPLICABLE"), answers.getMessage());
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        IllegalArgumentException scored = assertThrows(IllegalArgumentException.class, () -> new Instrument(
                phq9.id(), phq9.definitionVersion(), phq9.name(), phq9.respondent(), phq9.recallPeriod(),
                phq9.appliesTo(), phq9.items(), phq9.itemScoring(), phq9.subscales(), phq9.scoring(),
                phq9.missingItems(), phq9.totalRange(), Direction.NOT_APPLICABLE, phq9.bands(), phq9.caseness(),
                phq9.reliableChange(), phq9.norms(), phq9.codes(), phq9.licence(), phq9.omissions()));
        assertTrue(scored.getMessage().contains("unless its scoring is answers_only"), scored.getMessage());
    }

    @Test
    void constructor_answersOnlyWithScoreParts_isRefused() {
        List<Item> items = List.of(unscoredItem(1), unscoredItem(2));
        assertRefused("total range", () -> build(items, ANSWERS, NONE, Optional.of(ScoreRange.of(0, 2)),
                Direction.NOT_APPLICABLE, Bands.none(), List.of()));
        assertRefused("missing-item rule", () -> build(items, ANSWERS, new MissingItemRule.Prorate(1,
                Source.of("s")), Optional.empty(), Direction.NOT_APPLICABLE, Bands.none(), List.of()));
        assertRefused("missing-item rule", () -> build(items, ANSWERS, new MissingItemRule.Unadjusted(1,
                Source.of("s")), Optional.empty(), Direction.NOT_APPLICABLE, Bands.none(), List.of()));
        Item critical = new Item("testfeedback_2", 2, Optional.empty(), unscoredItem(2).scale(),
                Optional.of(new CriticalItemRule(1, "r", Source.of("s"))));
        assertRefused("critical item", () -> build(List.of(unscoredItem(1), critical), ANSWERS, NONE,
                Optional.empty(), Direction.NOT_APPLICABLE, Bands.none(), List.of()));
        Instrument minimum = build(items, ANSWERS, new MissingItemRule.MinimumAnswered(1, Source.of("s")),
                Optional.empty(), Direction.NOT_APPLICABLE, Bands.none(), List.of());
        assertInstanceOf(MissingItemRule.MinimumAnswered.class, minimum.missingItems());
    }

    private static void assertRefused(String what, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(what + " of answers-only instrument TEST-FEEDBACK must"),
                e.getMessage());
    }

    // --- wording supplements ---

    @Test
    void withWording_labelsAndItemTextOfUnscoredItems() {
        Catalogue catalogue = Catalogue.of(List.of(fixture())).withWording(new ByteArrayInputStream((
                "{\"format\": \"imh-measures/wording@1\", \"instrument\": \"TEST-FEEDBACK\", \"definitionVersion\": "
                        + "\"1.0.0\", \"items\": [{\"id\": \"testfeedback_2\", \"wording\": \"Supplied question?\", "
                        + "\"options\": {\"yes\": \"Supplied yes\", \"unsure\": \"Supplied unsure\"}}]}")
                .getBytes(StandardCharsets.UTF_8)), "wording.json");
        Item item = catalogue.get("TEST-FEEDBACK").items().get(1);
        assertEquals(Optional.of("Supplied question?"), item.wording());
        ResponseScale.Unscored scale = assertInstanceOf(ResponseScale.Unscored.class, item.scale());
        assertEquals(Map.of("yes", Optional.of("Supplied yes"), "no", Optional.<String>empty(), "unsure",
                Optional.of("Supplied unsure")), Map.of("yes", scale.categories().get(0).label(), "no",
                scale.categories().get(1).label(), "unsure", scale.categories().get(2).label()));
        assertFalse(catalogue.get("TEST-FEEDBACK").scored());
    }

    @Test
    void withWording_unknownCodeOfAnUnscoredItem_isLocatedRefusal() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> Catalogue.of(List.of(fixture()))
                .withWording(new ByteArrayInputStream(("{\"format\": \"imh-measures/wording@1\", \"instrument\": "
                        + "\"TEST-FEEDBACK\", \"definitionVersion\": \"1.0.0\", \"items\": [{\"id\": \"testfeedback_2\", "
                        + "\"options\": {\"maybe\": \"x\"}}]}").getBytes(StandardCharsets.UTF_8)), "wording.json"));
        assertEquals("items[0].options.maybe", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("option code must be one of yes, no, unsure"), e.getMessage());
    }
}
