/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.fhir.ResponseMapping;
import org.imhmeasures.fhir.ScoreMapping;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P4: the FHIR round trip of one administration. {@link #library()}: inbound QuestionnaireResponse JSON →
 * HAPI parse → {@link ResponseMapping#toAdministration} → {@link Scorer#score} →
 * {@link ScoreMapping#toObservation} → HAPI encode of the Observation. {@link #hapiOnly()}: HAPI parse of the
 * same QR JSON and encode of the same (precomputed) Observation, i.e. the serialisation work alone. The
 * difference is what mapping and scoring cost. Target: library at most 1.5x HAPI alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FhirBenchmark {

    @Param({"PHQ-9", "EPDS", "CORE-10"})
    public String instrument;

    private Catalogue catalogue;
    private Instrument definition;
    private Scorer scorer;
    private IParser parser;
    private String responseJson;
    private Observation expected;

    @Setup(Level.Trial)
    public void setUp() {
        catalogue = Catalogue.builtIn();
        definition = catalogue.get(instrument);
        scorer = Scorer.of(definition);
        parser = FhirContext.forR4Cached().newJsonParser();
        int[] codes = ScoringBenchmark.randomCodes(definition, 1, 7)[0];
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            answers.put(definition.items().get(i).id(), Integer.toString(codes[i]));
        }
        Administration administration = Administration.of(definition.id(), answers)
                .withDate(java.time.LocalDate.of(2026, 3, 2));
        QuestionnaireResponse response = ResponseMapping.toResponse(definition, administration,
                Optional.of(new Reference("Patient/example")));
        response.setId("qr-1");
        responseJson = parser.encodeResourceToString(response);
        expected = ScoreMapping.toObservation(definition, (Scored) scorer.score(administration), response);
    }

    @Benchmark
    public String library() {
        QuestionnaireResponse response = parser.parseResource(QuestionnaireResponse.class, responseJson);
        Administration administration = ResponseMapping.toAdministration(catalogue, response);
        Scored scored = (Scored) scorer.score(administration);
        return parser.encodeResourceToString(ScoreMapping.toObservation(definition, scored, response));
    }

    @Benchmark
    public String hapiOnly() {
        QuestionnaireResponse response = parser.parseResource(QuestionnaireResponse.class, responseJson);
        if (!response.hasItem()) {
            throw new IllegalStateException("response must have items: none");
        }
        return parser.encodeResourceToString(expected);
    }
}
