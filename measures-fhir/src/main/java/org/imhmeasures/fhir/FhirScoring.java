/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.SubscaleScore;

/**
 * One call from an inbound QuestionnaireResponse (untrusted R4 JSON, or a parsed resource) to the score
 * Observation, or to a located {@code OperationOutcome} saying why there is none.
 *
 * <p>The pipeline, each stage refusing with located issues:
 * <ol>
 * <li>JSON limits, checked with Jackson before HAPI sees the bytes: at most {@value #MAX_BYTES} bytes,
 *     nesting at most {@value #MAX_DEPTH}, strings at most {@value #MAX_STRING} characters, numbers at most
 *     {@value #MAX_NUMBER} characters with an exponent of at most {@value #MAX_EXPONENT}, no duplicate keys
 *     (HAPI's parser keeps the last), one top-level object; issues located by {@code line L column C};</li>
 * <li>FHIR structure: HAPI's parser with a strict error handler (wrong JSON types, unknown elements,
 *     invalid primitives, another resource type);</li>
 * <li>mapping ({@link ResponseMapping}): every problem, one issue each, {@code expression} = the element
 *     path (e.g. {@code QuestionnaireResponse.item[3].answer[0].valueCoding.code});</li>
 * <li>scoring ({@link Scorer}): a response that maps but cannot be scored gives one issue per scorer
 *     problem, located at the item's element where it is present.</li>
 * </ol>
 * Messages never repeat what the input holds beyond code-shaped values (see {@link FhirMappingException}).
 *
 * <p>Scored: {@link ScoreMapping#toObservation} with {@code subject} from the response (else the one given
 * by {@link #withSubject}), {@code performer} from the response's {@code author} unless that is a Device
 * (else {@link #withPerformer}), {@code effectiveDateTime} from {@code authored} (else
 * {@link #withEffective}); {@code status} final for completed/amended, preliminary for in-progress. A
 * calculated item in the response (our total or subscale item, or the LOINC total) whose number differs
 * from the library's score, or that holds no number, adds a {@code note} warning; the library's score
 * stands. {@code derivedFrom} is {@code QuestionnaireResponse/<id>}, or, for a response without an id,
 * {@code urn:uuid:<uuid>} — a name-based UUID of the response's content (SHA-256 of its compact JSON), so
 * the same response always gets the same reference.
 *
 * <p>A response of an instrument that records answers only (a feedback question) is read and checked like
 * any other but has no score: it is {@link Refused} with one {@code information} issue (code
 * {@code informational}, details {@code answers_only}) and no Observation — the response itself is the
 * record.
 *
 * <p>Refused: the {@code OperationOutcome}, plus — when a critical item was answered at its alert level,
 * whether the response failed mapping or scoring — the alert Observation of
 * {@link ScoreMapping#toAlertObservation}, so that the alert is never lost with the score. A response
 * {@code entered-in-error} gets no alert (its answers are void).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class FhirScoring {

    /** Largest input accepted, in bytes (1 MiB). */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest JSON nesting accepted. */
    public static final int MAX_DEPTH = 32;
    /** Longest JSON string accepted, in characters. */
    public static final int MAX_STRING = 10_000;
    /** Longest JSON number accepted, in characters. */
    public static final int MAX_NUMBER = 32;
    /** Largest exponent magnitude of a JSON number. */
    public static final int MAX_EXPONENT = 30;

    private static final String ROOT = "QuestionnaireResponse";

    private final Catalogue catalogue;
    private final Optional<Reference> subject;
    private final Optional<Reference> performer;
    private final Optional<LocalDate> effective;

    private FhirScoring(Catalogue catalogue, Optional<Reference> subject, Optional<Reference> performer,
            Optional<LocalDate> effective) {
        this.catalogue = catalogue;
        this.subject = subject;
        this.performer = performer;
        this.effective = effective;
    }

    /**
     * Scoring against a catalogue, with no fallback subject, performer or date.
     *
     * @param catalogue the instruments responses are resolved against
     * @return the pipeline
     */
    public static FhirScoring of(Catalogue catalogue) {
        return new FhirScoring(Require.notNull(catalogue, "catalogue"), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * A copy that gives Observations this subject when the response has none.
     *
     * @param fallback the host's patient reference, e.g. {@code Patient/123}
     * @return a new pipeline
     */
    public FhirScoring withSubject(Reference fallback) {
        return new FhirScoring(catalogue, Optional.of(Require.notNull(fallback, "subject").copy()), performer,
                effective);
    }

    /**
     * A copy that gives Observations this performer when the response has no usable author.
     *
     * @param fallback e.g. {@code Practitioner/7}
     * @return a new pipeline
     */
    public FhirScoring withPerformer(Reference fallback) {
        return new FhirScoring(catalogue, subject, Optional.of(Require.notNull(fallback, "performer").copy()),
                effective);
    }

    /**
     * A copy that gives Observations this effective date when the response has no {@code authored}.
     *
     * @param date the date the form was completed
     * @return a new pipeline
     */
    public FhirScoring withEffective(LocalDate date) {
        return new FhirScoring(catalogue, subject, performer, Optional.of(Require.notNull(date, "effective")));
    }

    /**
     * Scores untrusted JSON read from a stream (at most {@value #MAX_BYTES} bytes are read).
     *
     * @param in the JSON; not closed
     * @return the outcome
     */
    public Outcome score(InputStream in) {
        Require.notNull(in, "input");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return refusedBeforeMapping("input must be readable: " + e.getClass().getSimpleName(), "exception");
        }
        return score(bytes);
    }

    /**
     * Scores untrusted JSON.
     *
     * @param json the QuestionnaireResponse as R4 JSON
     * @return the outcome
     */
    public Outcome score(byte[] json) {
        Require.notNull(json, "json");
        QuestionnaireResponse response;
        try {
            response = InboundJson.parse(json);
        } catch (InboundJson.Refusal refusal) {
            return refusedBeforeMapping(refusal.getMessage(), refusal.issueType());
        }
        return score(response);
    }

    /**
     * Scores a parsed response; the response is not modified.
     *
     * @param response the inbound resource
     * @return the outcome
     */
    public Outcome score(QuestionnaireResponse response) {
        Require.notNull(response, "questionnaire response");
        String reference = reference(response);
        ResponseMapping.Reading reading;
        try {
            reading = ResponseMapping.read(catalogue, response);
        } catch (FhirMappingException e) {
            OperationOutcome outcome = new OperationOutcome();
            issue(outcome, e);
            return new Refused(outcome, Optional.empty(), e.getMessage(), Optional.of(reference));
        }
        Instrument instrument = reading.instrument();
        ScoreResult result = Scorer.of(instrument).score(reading.administration());
        if (!reading.problems().isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            reading.problems().forEach(problem -> issue(outcome, problem));
            Optional<Observation> alert = response.getStatus() == QuestionnaireResponseStatus.ENTEREDINERROR
                    || result.criticalAlerts().isEmpty() ? Optional.empty()
                    : Optional.of(alert(instrument, result, response, reference, "response not accepted: "
                            + reading.problems().size() + " problem(s), see the OperationOutcome"));
            return new Refused(outcome, alert, reading.problems().get(0).getMessage(), Optional.of(reference));
        }
        if (result instanceof NotScorable notScorable) {
            OperationOutcome outcome = new OperationOutcome();
            for (Problem problem : notScorable.problems()) {
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.PROCESSING)
                        .setDetails(new CodeableConcept().setText(problem.code()))
                        .setDiagnostics(problem.message())
                        .addExpression(problem.itemId().map(reading.itemPaths()::get).orElse(ROOT));
            }
            Set<String> codes = new LinkedHashSet<>();
            notScorable.problems().forEach(problem -> codes.add(problem.code()));
            Optional<Observation> alert = notScorable.criticalAlerts().isEmpty() ? Optional.empty()
                    : Optional.of(alert(instrument, notScorable, response, reference, String.join(", ", codes)));
            String summary = "response must be scorable: " + notScorable.firstProblem().message()
                    + (notScorable.criticalAlerts().isEmpty() ? "" : "; critical item at alert level: "
                    + String.join(";", notScorable.criticalAlerts().stream().map(a -> a.itemId()).toList()))
                    + (notScorable.criticalUnanswered().isEmpty() ? "" : "; critical item unanswered: "
                    + String.join(";", notScorable.criticalUnanswered().stream().map(u -> u.itemId()).toList()));
            return new Refused(outcome, alert, summary, Optional.of(reference));
        }
        Scored scored = (Scored) result;
        if (!instrument.scored()) {
            // a feedback form: the response maps and its answers are valid, but there is no score to observe
            OperationOutcome outcome = new OperationOutcome();
            String message = "response of " + instrument.id() + " must be of a scored instrument for a score "
                    + "Observation: it records answers only (" + scored.recordedAnswers().size() + " answered); the "
                    + "QuestionnaireResponse is the record";
            outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                    .setDetails(new CodeableConcept().setText("answers_only")).setDiagnostics(message)
                    .addExpression(ROOT);
            return new Refused(outcome, Optional.empty(), message, Optional.of(reference));
        }
        Observation observation = ScoreMapping.toObservation(instrument, scored, withId(response, reference));
        fill(observation, response, reference);
        List<String> warnings = new ArrayList<>();
        for (ResponseMapping.Reported reported : reading.reported()) {
            warning(scored, reported).ifPresent(warnings::add);
        }
        warnings.forEach(text -> observation.addNote().setText(text));
        return new Observed(observation, warnings, reference);
    }

    private static Optional<String> warning(Scored scored, ResponseMapping.Reported reported) {
        Optional<BigDecimal> ours = reported.subscaleId().isEmpty() ? scored.total()
                : Optional.ofNullable(scored.subscales().get(reported.subscaleId().get()))
                        .flatMap(SubscaleScore::score);
        String what = "the response's calculated item " + reported.linkId() + " (" + reported.path()
                + ")";
        if (ours.isEmpty()) {
            return Optional.of("warning: " + what + " carries a score the library does not compute here; the "
                    + "library's score stands");
        }
        if (reported.value().isEmpty()) {
            return Optional.of("warning: " + what + " carries no number; the library's score stands");
        }
        if (reported.value().get().compareTo(ours.get()) != 0) {
            return Optional.of("warning: " + what + " carries a total that differs from the library's score; the "
                    + "library's score stands");
        }
        return Optional.empty();
    }

    private Observation alert(Instrument instrument, ScoreResult result, QuestionnaireResponse response,
            String reference, String problems) {
        boolean scoredStatus = response.hasStatus() && ResponseMapping.isScored(response.getStatus());
        Observation observation = ScoreMapping.alert(instrument, result, scoredStatus
                ? Optional.of(withId(response, reference)) : Optional.empty(), problems);
        if (!scoredStatus) {
            if (response.hasSubject()) {
                observation.setSubject(response.getSubject().copy());
            }
            if (response.hasAuthored()) {
                observation.setEffective(response.getAuthoredElement().copy());
            }
            observation.addDerivedFrom(new Reference(reference));
        }
        fill(observation, response, reference);
        return observation;
    }

    /** Subject, performer and effective fallbacks, and derivedFrom as the stable reference. */
    private void fill(Observation observation, QuestionnaireResponse response, String reference) {
        if (!observation.hasSubject()) {
            subject.ifPresent(s -> observation.setSubject(s.copy()));
        }
        if (response.hasAuthor() && !isDevice(response.getAuthor())) {
            observation.addPerformer(response.getAuthor().copy());
        } else {
            performer.ifPresent(p -> observation.addPerformer(p.copy()));
        }
        if (!observation.hasEffective()) {
            effective.ifPresent(date -> observation.setEffective(new DateTimeType(date.toString())));
        }
        observation.getDerivedFrom().clear();
        observation.addDerivedFrom(new Reference(reference));
    }

    private static boolean isDevice(Reference reference) {
        return "Device".equals(reference.getType()) || (reference.hasReference()
                && reference.getReference().startsWith("Device/"));
    }

    /** A copy with an id, for mappings that need one; the reference replaces derivedFrom afterwards. */
    private static QuestionnaireResponse withId(QuestionnaireResponse response, String reference) {
        if (response.getIdElement().hasIdPart()) {
            return response;
        }
        QuestionnaireResponse copy = response.copy();
        copy.setId(reference.substring(reference.lastIndexOf(':') + 1));
        return copy;
    }

    /**
     * {@code QuestionnaireResponse/<id>}, or for a response without id {@code urn:uuid:} and a name-based UUID
     * of its compact JSON (SHA-256, version and variant bits set as for a version 5 UUID).
     *
     * @param response the response
     * @return the reference
     */
    static String reference(QuestionnaireResponse response) {
        if (response.getIdElement().hasIdPart()) {
            return ROOT + "/" + response.getIdElement().getIdPart();
        }
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response);
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 must be available: missing", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (hash[i] & 0xff);
            low = (low << 8) | (hash[i + 8] & 0xff);
        }
        return "urn:uuid:" + new UUID(high, low);
    }

    private static Refused refusedBeforeMapping(String message, String issueType) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.fromCode(issueType))
                .setDiagnostics(message);
        return new Refused(outcome, Optional.empty(), message, Optional.empty());
    }

    private static void issue(OperationOutcome outcome, FhirMappingException e) {
        IssueType type = e instanceof FhirMappingException.MissingElement ? IssueType.REQUIRED
                : e instanceof FhirMappingException.UnknownReference ? IssueType.NOTFOUND
                : e.path().endsWith(".code") ? IssueType.CODEINVALID : IssueType.VALUE;
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(e.getMessage())
                .addExpression(e.path());
    }

    /**
     * What scoring an inbound response gave: {@link Observed} or {@link Refused}.
     *
     * @since 0.1.0
     */
    public sealed interface Outcome permits Observed, Refused {
        /**
         * The reference the outcome's resources use for the response: {@code QuestionnaireResponse/<id>} or
         * a content-based {@code urn:uuid:}; empty when the input was not a readable QuestionnaireResponse.
         *
         * @return the reference, if any
         */
        Optional<String> responseReference();
    }

    /**
     * The response was scored.
     *
     * @since 0.1.0
     */
    public static final class Observed implements Outcome {
        private final Observation observation;
        private final List<String> warnings;
        private final String reference;

        private Observed(Observation observation, List<String> warnings, String reference) {
            this.observation = observation;
            this.warnings = List.copyOf(warnings);
            this.reference = reference;
        }

        /**
         * The score Observation.
         *
         * @return a new copy
         */
        public Observation observation() {
            return observation.copy();
        }

        /**
         * Warnings also carried as the Observation's notes (a calculated item that disagrees with the score).
         *
         * @return an unmodifiable list, possibly empty
         */
        public List<String> warnings() {
            return warnings;
        }

        @Override
        public Optional<String> responseReference() {
            return Optional.of(reference);
        }

        @Override
        public String toString() {
            return "Observed[warnings=" + warnings.size() + "]";
        }
    }

    /**
     * The response was not scored.
     *
     * @since 0.1.0
     */
    public static final class Refused implements Outcome {
        private final OperationOutcome outcome;
        private final Optional<Observation> alert;
        private final String summary;
        private final Optional<String> reference;

        private Refused(OperationOutcome outcome, Optional<Observation> alert, String summary,
                Optional<String> reference) {
            this.outcome = outcome;
            this.alert = alert;
            this.summary = summary;
            this.reference = reference;
        }

        /**
         * The OperationOutcome: one error issue per problem, {@code expression} = the element path where the
         * problem has one, {@code diagnostics} = the message.
         *
         * @return a new copy
         */
        public OperationOutcome operationOutcome() {
            return outcome.copy();
        }

        /**
         * The alert Observation, when a critical item was answered at its alert level.
         *
         * @return a new copy, if any
         */
        public Optional<Observation> alert() {
            return alert.map(Observation::copy);
        }

        /**
         * One line saying why: the first problem's message (for a response that maps but cannot be scored,
         * {@code response must be scorable: ...} naming any critical item at alert level or unanswered).
         *
         * @return the line, with no value from the input beyond code-shaped ones
         */
        public String summary() {
            return summary;
        }

        @Override
        public Optional<String> responseReference() {
            return reference;
        }

        @Override
        public String toString() {
            return "Refused[issues=" + outcome.getIssue().size() + ", alert=" + alert.isPresent() + "]";
        }
    }
}
