/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ListedAnswer;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our Questionnaires in a real renderer (issue 16 item 6): LHC-Forms {@value LhcFormsDist#VERSION} (npm
 * {@code lforms}, prebuilt web component) in the system's headless Chromium, driven over the DevTools protocol.
 * For every catalogue instrument the form renders with no console error, is filled by clicking and typing as a
 * user would, shows the live calculated total (and summed subscales) equal to the library's, is exported with
 * {@code LForms.Util.getFormFHIRData} and scored by {@link FhirScoring} with the same total, components and
 * critical alerts as {@link Scorer} on the same answers; the QuestionnaireResponse of {@link ResponseMapping}
 * loads back ({@code LForms.Util.mergeFHIRDataIntoLForms}) with every answer shown. The LOINC PHQ-9 form the
 * same. Runs with {@code -Prenderer} (see docs/fhir.md); without chromium or npm it fails, it never skips.
 * Answers are seeded: rerun one seed with {@code -Dimh.seed=<seed>}.
 */
@Tag("renderer")
class LhcFormsRendererTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final FhirScoring SCORING = FhirScoring.of(CATALOGUE);
    private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();
    private static final Path TARGET = Path.of("target");
    private static final Path SCREENSHOT = Path.of("images", "lhc-forms-phq9.png");

    /** The unscored difficulty item of LOINC's PHQ-9 form and its answers, from LOINC's form 44249-1. */
    private static final String LOINC_DIFFICULTY = "69722-7";
    private static final Map<String, String> LOINC_DIFFICULTY_ANSWERS = orderedMap("LA6572-7", "Not difficult at all",
            "LA6573-5", "Somewhat difficult", "LA6575-0", "Very difficult", "LA6574-3", "Extremely difficult");
    private static final String LOINC_PHQ9_TOTAL = "44261-6";
    /** How long a calculated value may take to show. */
    private static final Duration SHOWN = Duration.ofSeconds(10);

    private static Chromium browser;
    private static PageServer pages;
    private static Tab tab;
    private static long seed;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Path chromium = Chromium.executable().orElse(null);
        if (chromium == null) {
            fail("the renderer test (-Prenderer) needs Chromium: none of chromium, chromium-browser, google-chrome is "
                    + "on PATH and -Dimh.chromium is not set; install it (Debian: apt-get install chromium) or run "
                    + ".ci/run, which does");
        }
        Path lforms = LhcFormsDist.fetch(TARGET);
        pages = PageServer.start(lforms);
        browser = Chromium.launch(chromium);
        tab = browser.newTab();
        seed = RandomAdministrations.baseSeed();
        System.out.println("LhcFormsRendererTest: lforms " + LhcFormsDist.VERSION + ", " + chromium + ", seed " + seed
                + " (rerun with -Dimh.seed=" + seed + ")");
    }

    @AfterAll
    static void stop() {
        if (tab != null) {
            tab.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (pages != null) {
            pages.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCatalogueQuestionnaire_rendersFillsShowsTotalExportsScoresAndLoadsBack() {
        // answers-only forms (FFT, CHI-ESQ) not yet run in a browser here: scored instruments only
        List<Instrument> instruments = CATALOGUE.instruments().stream().filter(Instrument::scored).toList();
        return Stream.iterate(0, i -> i < instruments.size(), i -> i + 1).map(i -> {
            Instrument instrument = instruments.get(i);
            long instrumentSeed = seed + i;
            return DynamicTest.dynamicTest(instrument.id(), () -> roundTrip(instrument, instrumentSeed));
        });
    }

    private static void roundTrip(Instrument instrument, long instrumentSeed) {
        String context = instrument.id() + " (seed " + seed + ")";
        Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(instrument);
        Random random = new Random(instrumentSeed);
        Map<String, String> codes = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            codes.put(item.id(), RandomAdministrations.code(item.scale(), random));
        }
        Administration administration = Administration.of(instrument.id(), codes);
        Scored scored = assertInstanceOf(Scored.class, Scorer.of(instrument).score(administration), context);
        Map<String, String> calculated = calculatedValues(instrument, questionnaire, scored);

        render(questionnaire, Optional.empty(), context);
        List<Item> items = instrument.items();
        for (int k = 0; k < items.size(); k++) {
            if (k == items.size() - 1) {
                // live: a calculated total stays empty until every item it sums is answered
                calculated.keySet().stream().filter(id -> id.endsWith("_total")).forEach(id -> assertEquals("",
                        tab.invoke("imh.shown", id).asText(), context + ": " + id + " before the last answer"));
            }
            Item item = items.get(k);
            answer(item.id(), item.scale(), codes.get(item.id()), context);
        }
        assertShown(instrument, codes, calculated, context + ", filled by clicking");
        assertNoErrors(context + ", filling");

        byte[] exported = tab.evaluate("imh.exported()").asText().getBytes(StandardCharsets.UTF_8);
        assertSameScore(instrument, administration, scored, exported, context + ", exported by LHC-Forms");

        QuestionnaireResponse ours = ResponseMapping.toResponse(instrument, administration);
        render(questionnaire, Optional.of(ours), context + ", loading our response");
        assertShown(instrument, codes, calculated, context + ", our response loaded back");
        byte[] again = tab.evaluate("imh.exported()").asText().getBytes(StandardCharsets.UTF_8);
        assertSameScore(instrument, administration, scored, again, context + ", our response loaded and exported");
        assertNoErrors(context + ", loading back");

        // mergeFHIRDataIntoLForms marks the data as saved: LHC-Forms shows the saved answers and does not
        // recalculate, and our response carries no calculated item, so only the answers are checked here
        render(questionnaire, Optional.of(ours), Load.MERGE, context + ", merging our response");
        assertShown(instrument, codes, Map.of(), context + ", our response merged");
        assertNoErrors(context + ", merging");
    }

    @Test
    void loincPhq9Form_rendersFillsShowsTotalExportsAndScoresAsTheDirectApi() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        String context = "LOINC PHQ-9 form (seed " + seed + ")";
        Questionnaire form = loincPhq9Form(phq9);
        Random random = new Random(seed - 1);
        Map<String, String> codes = new LinkedHashMap<>();
        for (Item item : phq9.items()) {
            codes.put(item.id(), RandomAdministrations.code(item.scale(), random));
        }
        Administration administration = Administration.of(phq9.id(), codes);
        Scored scored = assertInstanceOf(Scored.class, Scorer.of(phq9).score(administration), context);

        render(form, Optional.empty(), context);
        for (Item item : phq9.items()) {
            ResponseScale.Options options = (ResponseScale.Options) item.scale();
            AnswerOption option = option(options, codes.get(item.id()));
            clickOption("/" + phq9.codes().loincItems().get(item.id()), options.options().indexOf(option),
                    option.label().orElseThrow(), context);
        }
        List<String> difficulty = new ArrayList<>(LOINC_DIFFICULTY_ANSWERS.values());
        int chosen = random.nextInt(difficulty.size());
        clickOption("/" + LOINC_DIFFICULTY, chosen, difficulty.get(chosen), context);
        awaitShown("/" + LOINC_PHQ9_TOTAL, scored.total().orElseThrow().toPlainString(),
                context + ": the live total of the LOINC form");
        assertNoErrors(context + ", filling");

        byte[] exported = tab.evaluate("imh.exported()").asText().getBytes(StandardCharsets.UTF_8);
        QuestionnaireResponse response = PARSER.parseResource(QuestionnaireResponse.class,
                new String(exported, StandardCharsets.UTF_8));
        assertEquals("http://loinc.org/q/44249-1", response.getQuestionnaire(), context);
        assertTrue(response.getItem().stream().allMatch(i -> i.getLinkId().startsWith("/")), context);
        assertSameScore(phq9, administration, scored, exported, context + ", exported by LHC-Forms");
    }

    @Test
    void loincPhq9Fixture_loadsIntoTheLoincFormWithEveryAnswerShown() throws IOException {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        String context = "y_phq9_loinc_form.json in the LOINC PHQ-9 form";
        QuestionnaireResponse fixture = PARSER.parseResource(QuestionnaireResponse.class, Files.readString(
                Path.of("src", "test", "resources", "fixtures", "qr", "y_phq9_loinc_form.json")));
        render(loincPhq9Form(phq9), Optional.of(fixture), context);
        List<String> coded = new ArrayList<>();
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : fixture.getItem()) {
            String shown = tab.invoke("imh.shown", item.getLinkId()).asText();
            if (item.getAnswerFirstRep().getValue() instanceof Coding coding) {
                assertTrue(shown.startsWith(coding.getDisplay()), context + ": " + item.getLinkId() + " shows " + shown);
                coded.add(item.getLinkId());
            }
        }
        assertTrue(coded.containsAll(phq9.items().stream().map(i -> "/" + phq9.codes().loincItems().get(i.id()))
                .toList()), context + ": every PHQ-9 item is coded in the fixture: " + coded);
        awaitShown("/" + LOINC_PHQ9_TOTAL, "13", context + ": the total");
        assertNoErrors(context);
    }

    /**
     * Fills PHQ-9 by clicking and writes the screenshot of the form with its live total to
     * {@code target/images/lhc-forms-phq9.png}, and to {@code docs/images/} with {@code -Dimh.docs.write=true}.
     */
    @Test
    void phq9_filledByClicking_showsTheLiveTotal_screenshot() throws IOException {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        String context = "PHQ-9 screenshot";
        // a moderate example with the critical item 9 at 0
        List<String> answers = List.of("1", "2", "1", "2", "1", "1", "2", "0", "0");
        Map<String, String> codes = new LinkedHashMap<>();
        for (int k = 0; k < answers.size(); k++) {
            codes.put(phq9.items().get(k).id(), answers.get(k));
        }
        Scored scored = assertInstanceOf(Scored.class, Scorer.of(phq9).score(Administration.of(phq9.id(), codes)));
        render(QuestionnaireMapping.toQuestionnaire(phq9), Optional.empty(), context);
        for (Item item : phq9.items()) {
            answer(item.id(), item.scale(), codes.get(item.id()), context);
        }
        assertEquals("10", scored.total().orElseThrow().toPlainString());
        assertEquals("10", tab.invoke("imh.shown", QuestionnaireMapping.totalLinkId(phq9)).asText(), context);
        click("[id=\"label-" + QuestionnaireMapping.totalLinkId(phq9) + "/1\"]", context + ": the total's label");
        tab.evaluate("window.scrollTo(0, 0), true");
        JsonNode box = tab.evaluate("imh.box('#form form')");
        byte[] png = tab.screenshot(box.get("x").asDouble(), box.get("y").asDouble(), box.get("w").asDouble(),
                box.get("h").asDouble());
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
        Path written = TARGET.resolve(SCREENSHOT);
        Files.createDirectories(written.getParent());
        Files.write(written, png);
        if (Boolean.getBoolean("imh.docs.write")) {
            Path docs = Path.of("..", "docs").resolve(SCREENSHOT);
            Files.createDirectories(docs.getParent());
            Files.write(docs, png);
        }
        assertNoErrors(context);
    }

    // ---- the page

    /** How a response is loaded into the form: LHC-Forms' addFormToPage option, or mergeFHIRDataIntoLForms. */
    private enum Load { OPTION, MERGE }

    private static void render(Questionnaire questionnaire, Optional<QuestionnaireResponse> response, String context) {
        render(questionnaire, response, Load.OPTION, context);
    }

    private static void render(Questionnaire questionnaire, Optional<QuestionnaireResponse> response, Load load,
            String context) {
        tab.navigate(pages.page());
        tab.await("imh.ready()", JsonNode::asBoolean, context + ": LHC-Forms loading");
        assertNoErrors(context + ", loading LHC-Forms");
        JsonNode rendered = tab.invoke("imh.render", PARSER.encodeResourceToString(questionnaire),
                response.map(PARSER::encodeResourceToString).orElse(null), load.name().toLowerCase(Locale.ROOT));
        assertEquals(questionnaire.getItem().size(), rendered.asInt(), context + ": one rendered item per item");
        assertNoErrors(context + ", rendering");
    }

    private static void assertNoErrors(String context) {
        List<String> errors = tab.drainErrors();
        assertEquals(List.of(), errors, context + ": console errors, exceptions or error log entries");
    }

    /** Answers one item as a user would: picks the option from the answer list, or types the number. */
    private static void answer(String linkId, ResponseScale scale, String code, String context) {
        if (!scale.listedAnswers().isEmpty()) {
            ListedAnswer option = listed(scale, code);
            clickOption(linkId, scale.listedAnswers().indexOf(option), display(scale, option), context);
        } else {
            click(input(linkId), context + ": " + linkId);
            tab.type(code);
            tab.pressTab();
            tab.await("imh.shown(" + quote(linkId) + ")", v -> v.asText().equals(code),
                    context + ": " + linkId + " showing " + code);
        }
        awaitAnswered(linkId, context);
    }

    /** The form's data holds the answer (LHC-Forms updates its model after the input shows it). */
    private static void awaitAnswered(String linkId, String context) {
        tab.await("imh.answered().includes(" + quote(linkId) + ")", JsonNode::asBoolean,
                context + ": " + linkId + " answered in the form's data");
    }

    private static void clickOption(String linkId, int index, String display, String context) {
        click(input(linkId), context + ": " + linkId);
        tab.await("imh.listed()", v -> v.size() > index, context + ": the answer list of " + linkId);
        click("#lhc-tools-searchResults li[autocomprawlistindex=\"" + index + "\"]", context + ": option " + index
                + " of " + linkId);
        tab.await("imh.shown(" + quote(linkId) + ")", v -> v.asText().startsWith(display),
                context + ": " + linkId + " showing " + display);
        awaitAnswered(linkId, context);
    }

    private static void click(String selector, String what) {
        JsonNode rect = tab.await("imh.rect(" + quote(selector) + ")", v -> v.isObject(), what + " on screen");
        tab.click(rect.get("x").asDouble(), rect.get("y").asDouble());
    }

    private static void awaitShown(String linkId, String expected, String what) {
        try {
            tab.await("imh.shown(" + quote(linkId) + ")", v -> v.asText().equals(expected), what, SHOWN);
        } catch (IllegalStateException e) {
            assertEquals(expected, tab.invoke("imh.shown", linkId).asText(), what);
        }
    }

    private static String input(String linkId) {
        return "[id=\"" + linkId + "/1\"]";
    }

    private static String quote(String text) {
        try {
            return Chromium.json().writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- expectations

    private static AnswerOption option(ResponseScale.Options options, String code) {
        return options.options().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
    }

    private static ListedAnswer listed(ResponseScale scale, String code) {
        return scale.listedAnswers().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
    }

    /** What our Questionnaire displays for a listed answer, scored or not: its label, else the neutral label. */
    private static String display(ResponseScale scale, ListedAnswer answer) {
        return answer.label().orElse(QuestionnaireMapping.neutralOptionLabel(scale, answer));
    }

    /** What our Questionnaire displays for an option: its label, else the neutral label. */
    private static String display(ResponseScale.Options options, AnswerOption option) {
        return option.label().orElse(QuestionnaireMapping.neutralOptionLabel(options, option));
    }

    /** The library's value for every calculated item of the Questionnaire, by linkId. */
    private static Map<String, String> calculatedValues(Instrument instrument, Questionnaire questionnaire,
            Scored scored) {
        Map<String, String> values = new LinkedHashMap<>();
        for (QuestionnaireItemComponent item : questionnaire.getItem()) {
            if (!item.hasExtension(QuestionnaireMapping.CALCULATED_EXPRESSION)) {
                continue;
            }
            String linkId = item.getLinkId();
            if (linkId.equals(QuestionnaireMapping.totalLinkId(instrument))) {
                values.put(linkId, scored.total().orElseThrow().toPlainString());
            } else {
                Subscale subscale = instrument.subscales().stream()
                        .filter(s -> QuestionnaireMapping.subscaleLinkId(instrument, s).equals(linkId)).findFirst()
                        .orElseThrow(() -> new AssertionError("calculated item of no subscale: " + linkId));
                values.put(linkId, scored.subscales().get(subscale.id()).score().orElseThrow().toPlainString());
            }
        }
        return values;
    }

    private static void assertShown(Instrument instrument, Map<String, String> codes, Map<String, String> calculated,
            String context) {
        for (Item item : instrument.items()) {
            String shown = tab.invoke("imh.shown", item.id()).asText();
            String code = codes.get(item.id());
            if (!item.scale().listedAnswers().isEmpty()) {
                String display = display(item.scale(), listed(item.scale(), code));
                assertTrue(shown.startsWith(display), context + ": " + item.id() + " must show " + display + ": " + shown);
            } else {
                assertEquals(code, shown, context + ": " + item.id());
            }
        }
        // LHC-Forms evaluates calculated expressions asynchronously after a change
        calculated.forEach((linkId, value) -> awaitShown(linkId, value, context + ": the live value of " + linkId));
    }

    /**
     * The response maps to the same answers and scores in one call exactly as the direct API does: value,
     * subscale components, interpretations (band, caseness, one AA per critical alert), and no warning (so a
     * calculated total LHC-Forms exported agrees with ours).
     */
    private static void assertSameScore(Instrument instrument, Administration administration, Scored scored,
            byte[] json, String context) {
        QuestionnaireResponse response = PARSER.parseResource(QuestionnaireResponse.class,
                new String(json, StandardCharsets.UTF_8));
        Administration mapped = ResponseMapping.toAdministration(CATALOGUE, response);
        for (Item item : instrument.items()) {
            Answer answer = mapped.answers().get(item.id());
            assertEquals(new Answer.Given(administration.answers().get(item.id()) instanceof Answer.Given given
                    ? given.code() : "?"), answer, context + ": the answer to " + item.id());
        }
        FhirScoring.Outcome outcome = SCORING.score(json);
        if (!instrument.scored()) {
            // answers only (FFT, CHI-ESQ): the answers above are the record; no score Observation
            assertInstanceOf(FhirScoring.Refused.class, outcome, context + ": " + outcome);
            return;
        }
        FhirScoring.Observed observed = assertInstanceOf(FhirScoring.Observed.class, outcome,
                context + ": " + outcome);
        assertEquals(List.of(), observed.warnings(), context + ": warnings");
        Observation observation = observed.observation();
        QuestionnaireResponse source = response.copy();
        source.setId("direct");
        Observation direct = ScoreMapping.toObservation(instrument, scored, source);
        assertTrue(direct.hasValue() ? direct.getValue().equalsDeep(observation.getValue()) : !observation.hasValue(),
                context + ": value " + observation.getValue() + " vs direct " + direct.getValue());
        assertEquals(texts(direct.getInterpretation()), texts(observation.getInterpretation()),
                context + ": interpretations");
        assertEquals(direct.getComponent().size(), observation.getComponent().size(), context + ": components");
        for (int c = 0; c < direct.getComponent().size(); c++) {
            Observation.ObservationComponentComponent expected = direct.getComponent().get(c);
            Observation.ObservationComponentComponent actual = observation.getComponent().get(c);
            assertTrue(expected.getCode().equalsDeep(actual.getCode()) && (expected.hasValue()
                    ? expected.getValue().equalsDeep(actual.getValue()) : !actual.hasValue()),
                    context + ": component " + c);
            assertEquals(texts(expected.getInterpretation()), texts(actual.getInterpretation()), context + ": component "
                    + c + " interpretations");
        }
        List<String> alerts = observation.getInterpretation().stream()
                .filter(i -> "AA".equals(i.getCodingFirstRep().getCode()))
                .map(i -> i.getText().split(" ")[2]).toList();
        assertEquals(scored.criticalAlerts().stream().map(CriticalAlert::itemId).toList(), alerts,
                context + ": critical alerts");
    }

    private static List<String> texts(List<CodeableConcept> concepts) {
        return concepts.stream().map(c -> c.getCodingFirstRep().getCode() + " " + c.getText()).toList();
    }

    // ---- the LOINC form

    /**
     * LOINC's PHQ-9 form (panel 44249-1) as LHC-Forms renders LOINC panels: linkIds {@code /<LOINC item code>},
     * answers coded with LOINC LA codes carrying their scores as ordinalValue, the unscored difficulty item
     * 69722-7, and the total item 44261-6 calculated from the answers. LOINC's own Questionnaire is not vendored:
     * this form is built from the codes in the PHQ-9 definition (and, for 69722-7, LOINC's form 44249-1).
     */
    private static Questionnaire loincPhq9Form(Instrument phq9) {
        Questionnaire form = new Questionnaire();
        form.setUrl(FhirUris.LOINC_FORMS + phq9.codes().loincPanel().orElseThrow());
        form.setTitle("PHQ-9 quick depression assessment panel");
        form.setStatus(PublicationStatus.ACTIVE);
        form.addCode(new Coding(FhirUris.LOINC, phq9.codes().loincPanel().orElseThrow(), null));
        List<String> linkIds = new ArrayList<>();
        for (Item item : phq9.items()) {
            String code = phq9.codes().loincItems().get(item.id());
            QuestionnaireItemComponent question = form.addItem().setLinkId("/" + code)
                    .setText(item.wording().orElseThrow()).setType(QuestionnaireItemType.CHOICE);
            question.addCode(new Coding(FhirUris.LOINC, code, null));
            for (AnswerOption option : ((ResponseScale.Options) item.scale()).options()) {
                question.addAnswerOption().setValue(new Coding(FhirUris.LOINC, option.loincAnswer().orElseThrow(),
                        option.label().orElseThrow())).addExtension(FhirUris.ORDINAL_VALUE,
                        new DecimalType(BigDecimal.valueOf(option.score())));
            }
            linkIds.add("'/" + code + "'");
        }
        QuestionnaireItemComponent difficulty = form.addItem().setLinkId("/" + LOINC_DIFFICULTY)
                .setText("How difficult have these problems made it for you?").setType(QuestionnaireItemType.CHOICE);
        difficulty.addCode(new Coding(FhirUris.LOINC, LOINC_DIFFICULTY, null));
        LOINC_DIFFICULTY_ANSWERS.forEach((code, display) -> difficulty.addAnswerOption().setValue(
                new Coding(FhirUris.LOINC, code, display)));
        String answers = "%resource.repeat(item).where(linkId in (" + String.join(" | ", linkIds) + ")).answer";
        QuestionnaireItemComponent total = form.addItem().setLinkId("/" + LOINC_PHQ9_TOTAL)
                .setText("Patient health questionnaire 9 item total score").setType(QuestionnaireItemType.INTEGER)
                .setReadOnly(true);
        total.addCode(new Coding(FhirUris.LOINC, LOINC_PHQ9_TOTAL, null));
        total.addExtension(QuestionnaireMapping.CALCULATED_EXPRESSION, new Expression().setLanguage("text/fhirpath")
                .setExpression("iif(" + answers + ".count() = 9, " + answers + ".value.weight().sum(), {})"));
        return form;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
