/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden fixtures: {@code y_*.json} must map and score to the outcome listed in {@link #OUTCOMES}, {@code n_*.json}
 * must be rejected at the listed path.
 */
class ResponseMappingFixturesTest {

    private record Rejection(Class<? extends FhirMappingException> type, String path) {
    }

    private static final Map<String, Rejection> REJECTIONS = Map.ofEntries(
            Map.entry("n_missing_questionnaire", new Rejection(FhirMappingException.MissingElement.class,
                    "QuestionnaireResponse.questionnaire")),
            Map.entry("n_unknown_questionnaire", new Rejection(FhirMappingException.UnknownReference.class,
                    "QuestionnaireResponse.questionnaire")),
            Map.entry("n_other_version", new Rejection(FhirMappingException.UnknownReference.class,
                    "QuestionnaireResponse.questionnaire")),
            Map.entry("n_entered_in_error", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.status")),
            Map.entry("n_unknown_linkid", new Rejection(FhirMappingException.UnknownReference.class,
                    "QuestionnaireResponse.item[9].linkId")),
            Map.entry("n_repeated_linkid", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[9].linkId")),
            Map.entry("n_wrong_value_type", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[3].answer[0]")),
            Map.entry("n_code_not_an_option", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[3].answer[0].valueCoding.code")),
            Map.entry("n_two_answers", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[3].answer[1]")),
            Map.entry("n_foreign_code_system", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[0].answer[0].valueCoding.system")),
            Map.entry("n_rating_out_of_range", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[0].answer[0].valueInteger")),
            Map.entry("n_rating_as_coding", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[0].answer[0]")),
            Map.entry("n_month_precision", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.authored")),
            Map.entry("n_unknown_timepoint", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.extension('https://imh-measures.org/fhir/StructureDefinition/timepoint')"
                            + ".valueCode")),
            Map.entry("n_nested_under_question", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[4].item")),
            Map.entry("n_missing_linkid", new Rejection(FhirMappingException.MissingElement.class,
                    "QuestionnaireResponse.item[2].linkId")),
            Map.entry("n_stopped", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.status")),
            Map.entry("n_display_contradicts_code", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[8].answer[0].valueCoding.display")),
            Map.entry("n_gad7_display_contradicts_code", new Rejection(FhirMappingException.InvalidValue.class,
                    "QuestionnaireResponse.item[1].answer[0].valueCoding.display")));

    /**
     * What each {@code y_} fixture scores to under the default options (the instrument's own missing-item rule),
     * written as {@link #outcome(ScoreResult)} prints it. Worked by hand from the fixture's codes and the
     * definition's published rule (measures-core catalogue files; the same rules as the scoring golden files),
     * never by running this library:
     * <ul>
     *   <li>EPDS (Cox 1987): items 1, 2, 4 score = code, items 3, 5-10 score = 3 - code; caseness at 13; item 10
     *       alerts above 0; no missing item allowed. Declined item: items 1-9 code 1 = 3 x 1 + 6 x 2 = 15, but
     *       item 10 is unanswered, so not scorable, and the critical item is flagged. Displays: codes
     *       0 1 2 3 0 1 2 3 0 3 score 0+1+1+3+3+2+1+0+3+0 = 14, a case; item 10 code 3 scores 0, no alert.</li>
     *   <li>GAD-7 (Spitzer 2006): sum; bands 0-4/5-9/10-14/15-21; caseness at 8. Codes 1 2 3 0 1 2 3 = 12,
     *       moderate, a case.</li>
     *   <li>PHQ-9 (Kroenke 2001): sum; bands 0-4/5-9/10-14/15-19/20-27; caseness at 10; item 9 alerts above 0;
     *       no missing item allowed. Complete: 1 2 3 0 1 2 3 0 1 = 13, moderate, alert at 1. Amended:
     *       1 2 3 0 1 2 3 0 3 = 15, moderately severe, alert at 3. In progress: items 8 and 9 unanswered, so not
     *       scorable, item 9 flagged.</li>
     *   <li>LOINC forms: the same codes given as LOINC answer codes (LA6568-5 = 0, LA6569-3 = 1, LA6570-1 = 2,
     *       LA6571-9 = 3, from LOINC's forms): PHQ-9 1 2 3 0 1 2 3 0 1 = 13 as above; GAD-7 1 2 3 0 1 2 3 = 12.</li>
     *   <li>PIR-GAS (DC:0-3R): the rating, 65, in the band 61-70 "significantly perturbed"; no cut-off.</li>
     * </ul>
     */
    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("y_epds_declined_item", "not scorable: too_many_missing [epds_10] allowed 0;"
                    + " alerts []; unanswered [epds_10 UNANSWERED]"),
            Map.entry("y_epds_display_without_wording", "scored: raw 14, total 14, band -, CASE, missing [],"
                    + " prorated false; alerts []; unanswered []"),
            Map.entry("y_gad7_grouped_renderer", "scored: raw 12, total 12, band moderate, CASE, missing [],"
                    + " prorated false; alerts []; unanswered []"),
            Map.entry("y_phq9_amended_display_variants", "scored: raw 15, total 15, band moderately severe, CASE,"
                    + " missing [], prorated false; alerts [phq9_9=3]; unanswered []"),
            Map.entry("y_phq9_loinc_form", "scored: raw 13, total 13, band moderate, CASE, missing [],"
                    + " prorated false; alerts [phq9_9=1]; unanswered []"),
            Map.entry("y_gad7_loinc_form", "scored: raw 12, total 12, band moderate, CASE, missing [],"
                    + " prorated false; alerts []; unanswered []"),
            Map.entry("y_phq9_complete", "scored: raw 13, total 13, band moderate, CASE, missing [],"
                    + " prorated false; alerts [phq9_9=1]; unanswered []"),
            Map.entry("y_phq9_partial_in_progress", "not scorable: too_many_missing [phq9_8, phq9_9] allowed 0;"
                    + " alerts []; unanswered [phq9_9 UNANSWERED]"),
            Map.entry("y_pirgas_rating", "scored: raw 65, total 65, band significantly perturbed, NOT_DEFINED,"
                    + " missing [], prorated false; alerts []; unanswered []"));

    /** Every field of a result that the fixtures pin down, in one line. */
    private static String outcome(ScoreResult result) {
        String critical = "; alerts " + result.criticalAlerts().stream().map(a -> a.itemId() + "=" + a.score())
                .collect(Collectors.toList()) + "; unanswered " + result.criticalUnanswered().stream()
                .map(u -> u.itemId() + " " + u.cause()).collect(Collectors.toList());
        if (result instanceof Scored s) {
            return "scored: raw " + s.rawTotal().getAsInt() + ", total " + s.total().map(BigDecimal::toPlainString).orElse("-")
                    + ", band " + s.band().map(Band::label).orElse("-") + ", " + s.caseness() + ", missing "
                    + s.itemsMissing() + ", prorated " + s.prorated() + critical;
        }
        NotScorable n = (NotScorable) result;
        return "not scorable: " + n.problems().stream().map(p -> p instanceof Problem.TooManyMissing t
                ? t.code() + " " + t.missing() + " allowed " + t.allowed() : p.code())
                .collect(Collectors.joining(", ")) + critical;
    }

    private static Path folder() {
        try {
            return Path.of(ResponseMappingFixturesTest.class.getResource("/fixtures/qr").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> fixtures(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    private static QuestionnaireResponse read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Validation.CONTEXT.newJsonParser().parseResource(QuestionnaireResponse.class, reader);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".json", "");
    }

    @Test
    void fixtures_everyRejectionFixtureHasAnExpectation() throws IOException {
        Set<String> found = fixtures("n_").stream().map(ResponseMappingFixturesTest::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(REJECTIONS.keySet()), found);
        assertEquals(new TreeSet<>(OUTCOMES.keySet()), fixtures("y_").stream().map(ResponseMappingFixturesTest::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @TestFactory
    Stream<DynamicTest> toAdministration_yFixture_mapsAndScoresToTheHandWorkedOutcome() throws IOException {
        return fixtures("y_").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            Administration administration = ResponseMapping.toAdministration(Catalogue.builtIn(), read(file));
            var instrument = Catalogue.builtIn().get(administration.instrumentId());
            assertEquals(instrument.items().size(), administration.answers().size());
            assertEquals(OUTCOMES.get(name(file)), outcome(Scorer.of(instrument).score(administration)), name(file));
        }));
    }

    @TestFactory
    Stream<DynamicTest> toAdministration_nFixture_isRejectedAtPath() throws IOException {
        return fixtures("n_").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            QuestionnaireResponse response = read(file);
            Rejection expected = REJECTIONS.get(name(file));
            FhirMappingException e = assertThrows(FhirMappingException.class,
                    () -> ResponseMapping.toAdministration(Catalogue.builtIn(), response));
            assertInstanceOf(expected.type(), e, e.getMessage());
            assertEquals(expected.path(), e.path(), e.getMessage());
        }));
    }

    @Test
    void toAdministration_rendererGroupedResponse_readsNestedItemsWithoutSystemOrVersion() throws IOException {
        Administration administration = ResponseMapping.toAdministration(Catalogue.builtIn(),
                read(folder().resolve("y_gad7_grouped_renderer.json")));
        assertEquals("GAD-7", administration.instrumentId());
        assertEquals(new Answer.Given("1"), administration.answers().get("gad7_1"));
        assertEquals(new Answer.Given("3"), administration.answers().get("gad7_7"));
        assertEquals(Optional.of(LocalDate.of(2026, 2, 1)), administration.date());
        assertTrue(Scorer.of(Catalogue.builtIn().get("GAD-7")).score(administration) instanceof Scored);
    }

    @Test
    void toAdministration_declinedAndRatingFixtures_keepDeclinedTimepointAndRespondent() throws IOException {
        Administration epds = ResponseMapping.toAdministration(Catalogue.builtIn(),
                read(folder().resolve("y_epds_declined_item.json")));
        assertEquals(Answer.DECLINED, epds.answers().get("epds_10"));
        Administration pirgas = ResponseMapping.toAdministration(Catalogue.builtIn(),
                read(folder().resolve("y_pirgas_rating.json")));
        assertEquals(new Answer.Given("65"), pirgas.answers().get("pirgas_1"));
        assertEquals(Optional.of(Timepoint.FOLLOW_UP), pirgas.timepoint());
        assertEquals(Optional.of("birth mother"), pirgas.respondent());
        Administration partial = ResponseMapping.toAdministration(Catalogue.builtIn(),
                read(folder().resolve("y_phq9_partial_in_progress.json")));
        assertEquals(Answer.MISSING, partial.answers().get("phq9_9"));
    }
}
