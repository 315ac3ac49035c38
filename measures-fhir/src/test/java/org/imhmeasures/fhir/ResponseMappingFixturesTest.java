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
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Golden fixtures: {@code y_*.json} must map, {@code n_*.json} must be rejected at the listed path. */
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
        assertTrue(fixtures("y_").size() >= 5);
    }

    @TestFactory
    Stream<DynamicTest> toAdministration_yFixture_mapsAndScores() throws IOException {
        return fixtures("y_").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            Administration administration = ResponseMapping.toAdministration(Catalogue.builtIn(), read(file));
            var instrument = Catalogue.builtIn().get(administration.instrumentId());
            assertEquals(instrument.items().size(), administration.answers().size());
            Scorer.of(instrument).score(administration);
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
