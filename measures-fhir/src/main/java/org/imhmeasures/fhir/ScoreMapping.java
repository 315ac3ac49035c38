/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.imhmeasures.core.instrument.Aggregation;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.scoring.Caseness;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.SubscaleScore;

/**
 * Maps a {@link Scored} result to a FHIR R4 {@code Observation} (base R4 and UKCore-Observation),
 * derived from the QuestionnaireResponse that was scored.
 *
 * <p>What is mapped:
 * <ul>
 * <li>{@code status} from the response's: {@code completed} or {@code amended} → {@code final},
 *     {@code in-progress} → {@code preliminary}; a {@code stopped} or {@code entered-in-error} response is not
 *     scored (see {@link ResponseMapping}) and is refused here too; {@code category} = {@code survey};
 *     {@code subject} and
 *     {@code effectiveDateTime} copied from the response's {@code subject} and {@code authored};
 *     {@code derivedFrom} = {@code QuestionnaireResponse/<id>};</li>
 * <li>{@code code}: the LOINC total code where it exists and the SNOMED CT score concept where the
 *     definition has one (UK Core prefers SNOMED CT observables); when neither exists, the code
 *     {@code <key>-total} of {@link FhirUris#SCORE_CODES}; {@code code.text} = {@code "<ID> score"};</li>
 * <li>value: {@code valueInteger} when the instrument sums or rates whole item scores and the total is
 *     whole; otherwise {@code valueQuantity} with the decimal total and UCUM unit {@code {score}}
 *     (SWEMWBS metric score, KIPS mean, CORE-10 clinical score, prorated totals); no value for
 *     instruments without a total (GBO, HADS), whose scores are components;</li>
 * <li>{@code interpretation}: the band label as text ({@code "band: <label>"}), or for a total that no
 *     confirmed band covers (PIR-GAS below 61) the text {@code "band: below the confirmed bands"} (above,
 *     between likewise), never nothing; {@code A} (abnormal) or {@code N} (normal) of
 *     v3-ObservationInterpretation for caseness, with the cut-off's meaning as text; and one {@code AA}
 *     (critical abnormal) per critical-item alert, text {@code "critical item <id> scored <n>: <reason>"},
 *     so that a record system raises it; and one {@code IND} (indeterminate) per critical item that was not
 *     validly answered ({@link ScoreResult#criticalUnanswered()}), text
 *     {@code "critical item <id> unanswered: alert status unknown; <reason>"}, with a {@code note} saying the
 *     total says nothing about that item — a prorated CORE-10 without item 6 is never silent;</li>
 * <li>{@code component}: one per subscale (or GBO goal), code {@code <key>-subscale-<id>} of
 *     {@link FhirUris#SCORE_CODES}, the value as above (or {@code dataAbsentReason} = {@code not-performed}
 *     when the subscale could not be scored), with its band and caseness interpretations;</li>
 * <li>{@code method.text} names the library version and definition version that scored it;
 *     {@code note} says when the total was prorated.</li>
 * </ul>
 *
 * <p>An instrument that records answers only (a feedback question, scoring method {@code answers_only}) has
 * no score: {@link #toObservation} refuses its results with a {@link NoScoreException}, and its answers
 * reach the record system as the QuestionnaireResponse alone.
 *
 * <p>An administration that cannot be scored but carries a critical-item alert must still reach the record
 * system: {@link #toAlertObservation} maps such a {@link NotScorable} to an Observation with the same code,
 * no value, {@code dataAbsentReason} {@code unknown} and the same {@code AA}/{@code IND} interpretations.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1.0
 */
public final class ScoreMapping {

    private static final String SCORE_UNIT = "{score}";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String DATA_ABSENT_REASON_CODES = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    private ScoreMapping() {
    }

    /**
     * Maps a score to an Observation derived from {@code source}.
     *
     * @param instrument the instrument that was scored
     * @param scored the score
     * @param source the QuestionnaireResponse that was scored; it must have an id
     * @return a new Observation without id
     * @throws NoScoreException if the instrument records answers only (a feedback question): it has no score
     *         to observe, and its QuestionnaireResponse is the record
     * @throws IllegalArgumentException if the score is of another instrument or definition version, or
     *         {@code source} has no id, or its status is not one that is scored (completed, amended,
     *         in-progress)
     */
    public static Observation toObservation(Instrument instrument, Scored scored, QuestionnaireResponse source) {
        Require.notNull(instrument, "instrument");
        Require.notNull(scored, "scored");
        Require.notNull(source, "source");
        if (!instrument.scored()) {
            throw new NoScoreException(instrument.id());
        }
        requireSameDefinition(instrument, scored);
        Require.argument(source.hasIdElement() && source.getIdElement().hasIdPart(),
                "source questionnaire response must have an id: none");

        Observation observation = base(instrument, scored, Optional.of(source));
        boolean whole = wholeScores(instrument.scoring());
        scored.total().ifPresent(total -> observation.setValue(value(total, whole)));
        scored.band().ifPresent(band -> observation.addInterpretation(bandConcept(band)));
        outsideBandsConcept(scored.bandStatus()).ifPresent(observation::addInterpretation);
        caseness(scored.caseness(), instrument.caseness()).ifPresent(observation::addInterpretation);
        critical(observation, scored);
        for (Subscale subscale : instrument.subscales()) {
            SubscaleScore score = scored.subscales().get(subscale.id());
            if (score != null) {
                observation.addComponent(component(instrument, subscale, score, whole));
            }
        }
        if (scored.prorated()) {
            observation.addNote().setText("total prorated for " + scored.itemsMissing().size()
                    + " missing item(s) under the instrument's missing-item rule");
        }
        if (!scored.criticalUnanswered().isEmpty()) {
            observation.addNote().setText("critical item(s) " + ids(scored.criticalUnanswered())
                    + " not answered: the total says nothing about the risk they ask about; ask them again or "
                    + "follow the service's risk protocol");
        }
        return observation;
    }

    /**
     * Maps an administration that cannot be scored but has a critical item at alert level (or a critical
     * item without a valid answer) to an Observation a record system surfaces as it does a score with an
     * alert: the score's {@link #totalCode} with no value; {@code dataAbsentReason} = {@code unknown}
     * (data-absent-reason), text {@code "score not computed: <problem codes>"}; one {@code AA} (critical
     * abnormal) interpretation per alert and one {@code IND} (indeterminate) per unanswered critical item,
     * with the texts of {@link #toObservation}; a {@code note} that the alert must be acted on although there
     * is no score; {@code method}, {@code category} as for a score; {@code status}, {@code subject},
     * {@code effectiveDateTime} and {@code derivedFrom} from {@code source} when given, else {@code final}
     * and none. Valid against base R4 and UKCore-Observation.
     *
     * <p>The Observation is not a score: never read a total from it. Problems are named by code only
     * ({@code too_many_missing}, {@code code_not_allowed}), never by the values recorded.
     *
     * @param instrument the instrument that was scored
     * @param result the result, with at least one critical alert or unanswered critical item
     * @param source the QuestionnaireResponse that was scored, if there is one; it must then have an id
     * @return a new Observation without id
     * @throws IllegalArgumentException if the result is of another instrument or definition version, has
     *         nothing critical to report, or {@code source} has no id or a status that is not scored
     * @since 0.1.0
     */
    public static Observation toAlertObservation(Instrument instrument, NotScorable result,
            Optional<QuestionnaireResponse> source) {
        Require.notNull(instrument, "instrument");
        Require.notNull(result, "result");
        Require.notNull(source, "source");
        requireSameDefinition(instrument, result);
        Require.argument(!result.criticalAlerts().isEmpty() || !result.criticalUnanswered().isEmpty(),
                "not scorable result must have a critical alert or an unanswered critical item: none");
        source.ifPresent(qr -> Require.argument(qr.hasIdElement() && qr.getIdElement().hasIdPart(),
                "source questionnaire response must have an id: none"));

        Set<String> codes = new LinkedHashSet<>();
        for (Problem problem : result.problems()) {
            codes.add(problem.code());
        }
        return alert(instrument, result, source, String.join(", ", codes));
    }

    /**
     * The alert Observation of {@link #toAlertObservation} for any result with something critical, the
     * reason the score is not given named by {@code problems} (codes only).
     */
    static Observation alert(Instrument instrument, ScoreResult result, Optional<QuestionnaireResponse> source,
            String problems) {
        Observation observation = base(instrument, result, source);
        observation.setDataAbsentReason(new CodeableConcept(new Coding(DATA_ABSENT_REASON_CODES, "unknown",
                "Unknown")).setText("score not computed: " + problems));
        critical(observation, result);
        observation.addNote().setText(result.criticalAlerts().isEmpty()
                ? "not scorable (" + problems + "); the alert status of critical item(s) "
                        + ids(result.criticalUnanswered()) + " is unknown: follow the service's risk protocol"
                : "not scorable (" + problems + "), but critical item(s) " + alertIds(result.criticalAlerts())
                        + " at alert level: act on the alert although there is no score");
        return observation;
    }

    private static void requireSameDefinition(Instrument instrument, ScoreResult result) {
        Require.argument(result.provenance().instrumentId().equals(instrument.id()),
                "score instrument must be %s: %s", instrument.id(), result.provenance().instrumentId());
        Require.argument(result.provenance().definitionVersion().equals(instrument.definitionVersion()),
                "score definition version must be %s: %s", instrument.definitionVersion(),
                result.provenance().definitionVersion());
    }

    /** Status, category, code, subject, effective, derivedFrom and method: shared by both Observations. */
    private static Observation base(Instrument instrument, ScoreResult result, Optional<QuestionnaireResponse> source) {
        Observation observation = new Observation();
        observation.setStatus(source.map(ScoreMapping::status).orElse(ObservationStatus.FINAL));
        observation.addCategory(new CodeableConcept(new Coding(FhirUris.OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(totalCode(instrument));
        source.ifPresent(qr -> {
            if (qr.hasSubject()) {
                observation.setSubject(qr.getSubject().copy());
            }
            if (qr.hasAuthored()) {
                observation.setEffective(qr.getAuthoredElement().copy());
            }
            observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + qr.getIdElement().getIdPart()));
        });
        observation.setMethod(new CodeableConcept().setText("imh-measures " + result.provenance().libraryVersion()
                + " scoring of " + instrument.id() + " definition " + instrument.definitionVersion()));
        return observation;
    }

    /**
     * The Observation status for a scored response: completed and amended → final, in-progress →
     * preliminary; any other status is not scored.
     */
    private static ObservationStatus status(QuestionnaireResponse source) {
        QuestionnaireResponseStatus status = source.getStatus();
        Require.argument(ResponseMapping.isScored(status),
                "source questionnaire response status must be completed, amended or in-progress: %s",
                status == null || status == QuestionnaireResponseStatus.NULL ? "absent" : status.toCode());
        return status == QuestionnaireResponseStatus.INPROGRESS ? ObservationStatus.PRELIMINARY
                : ObservationStatus.FINAL;
    }

    /** One {@code AA} per alert, one {@code IND} per unanswered critical item. */
    private static void critical(Observation observation, ScoreResult result) {
        for (CriticalAlert alert : result.criticalAlerts()) {
            observation.addInterpretation(new CodeableConcept(new Coding(FhirUris.INTERPRETATION, "AA",
                    "Critical abnormal")).setText("critical item " + alert.itemId() + " scored " + alert.score()
                    + ": " + alert.reason()));
        }
        for (CriticalItemUnanswered item : result.criticalUnanswered()) {
            observation.addInterpretation(new CodeableConcept(new Coding(FhirUris.INTERPRETATION, "IND",
                    "Indeterminate")).setText("critical item " + item.itemId() + (item.cause()
                    == CriticalItemUnanswered.Cause.CODE_NOT_ALLOWED ? " answered with a code it does not allow"
                    : " unanswered") + ": alert status unknown; " + item.reason()));
        }
    }

    private static String ids(List<CriticalItemUnanswered> items) {
        return String.join(";", items.stream().map(CriticalItemUnanswered::itemId).toList());
    }

    private static String alertIds(List<CriticalAlert> alerts) {
        return String.join(";", alerts.stream().map(CriticalAlert::itemId).toList());
    }

    /**
     * The Observation code of an instrument's score: LOINC total and SNOMED CT score where known, else our
     * own {@code <key>-total}.
     *
     * @param instrument the instrument
     * @return a new CodeableConcept
     */
    public static CodeableConcept totalCode(Instrument instrument) {
        CodeableConcept code = new CodeableConcept();
        instrument.codes().loincTotal().ifPresent(loinc -> code.addCoding(new Coding(FhirUris.LOINC, loinc, null)));
        instrument.codes().snomedScore().ifPresent(snomed -> code.addCoding(
                new Coding(FhirUris.SNOMED_CT, snomed.id(), snomed.term().orElse(null))));
        if (!code.hasCoding()) {
            code.addCoding(new Coding(FhirUris.SCORE_CODES, totalCodeOf(instrument), instrument.id() + " score"));
        }
        return code.setText(instrument.id() + " score");
    }

    /**
     * Our code system {@link FhirUris#SCORE_CODES} with every code this mapping uses for the catalogue's
     * instruments: {@code <key>-total}, {@code <key>-subscale-<id>} and {@code <key>-change}, plus the
     * component and value codes of {@link ChangeMapping}. Load it into a terminology server
     * or validator so that those codes validate.
     *
     * @param catalogue the instruments
     * @return a new, complete CodeSystem
     */
    public static CodeSystem codeSystem(Catalogue catalogue) {
        Require.notNull(catalogue, "catalogue");
        CodeSystem system = new CodeSystem();
        system.setId("imh-score");
        system.setUrl(FhirUris.SCORE_CODES);
        system.setName("ImhMeasuresScore");
        system.setTitle("imh-measures score codes");
        system.setStatus(PublicationStatus.ACTIVE);
        system.setExperimental(false);
        system.setCaseSensitive(true);
        system.setContent(CodeSystemContentMode.COMPLETE);
        system.setDescription("Scores and subscale scores of imh-measures instruments that have no LOINC or "
                + "SNOMED CT code");
        for (Instrument instrument : catalogue.instruments()) {
            if (!instrument.scored()) {
                continue; // answers only (FFT, CHI-ESQ): no score, so no score code
            }
            system.addConcept().setCode(totalCodeOf(instrument)).setDisplay(instrument.id() + " score");
            system.addConcept().setCode(ChangeMapping.changeCode(instrument)).setDisplay(instrument.id() + " change");
            for (Subscale subscale : instrument.subscales()) {
                system.addConcept().setCode(subscaleCode(instrument, subscale))
                        .setDisplay(instrument.id() + " " + subscale.name());
            }
        }
        for (String[] code : ChangeMapping.codes()) {
            system.addConcept().setCode(code[0]).setDisplay(code[1]);
        }
        return system;
    }

    private static String totalCodeOf(Instrument instrument) {
        return instrument.key() + "-total";
    }

    private static String subscaleCode(Instrument instrument, Subscale subscale) {
        return instrument.key() + "-subscale-" + subscale.id().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean wholeScores(ScoringRule rule) {
        return rule instanceof ScoringRule.Sum || rule instanceof ScoringRule.SingleRating
                || rule instanceof ScoringRule.PerGoal || rule instanceof ScoringRule.SubscalesOnly;
    }

    private static Type value(BigDecimal score, boolean wholeScores) {
        BigDecimal plain = score.stripTrailingZeros();
        if (wholeScores && plain.scale() <= 0) {
            return new IntegerType(plain.intValueExact());
        }
        return new Quantity().setValue(score).setUnit("score").setSystem(UCUM).setCode(SCORE_UNIT);
    }

    private static CodeableConcept bandConcept(Band band) {
        return new CodeableConcept().setText("band: " + band.label());
    }

    /** A total no confirmed band covers still says so: a PIR-GAS below 61 must not show as nothing. */
    private static Optional<CodeableConcept> outsideBandsConcept(BandStatus status) {
        String side = switch (status) {
            case BELOW_CONFIRMED_BANDS -> "below";
            case ABOVE_CONFIRMED_BANDS -> "above";
            case BETWEEN_CONFIRMED_BANDS -> "between";
            case IN_BAND, NO_BANDS -> null;
        };
        return side == null ? Optional.empty()
                : Optional.of(new CodeableConcept().setText("band: " + side + " the confirmed bands"));
    }

    private static Optional<CodeableConcept> caseness(Caseness caseness, Optional<Cutoff> cutoff) {
        String meaning = cutoff.map(Cutoff::meaning).orElse("caseness");
        return switch (caseness) {
            case CASE -> Optional.of(new CodeableConcept(new Coding(FhirUris.INTERPRETATION, "A", "Abnormal"))
                    .setText("case: " + meaning));
            case NOT_CASE -> Optional.of(new CodeableConcept(new Coding(FhirUris.INTERPRETATION, "N", "Normal"))
                    .setText("not a case: " + meaning));
            case NOT_DEFINED, PER_SUBSCALE -> Optional.empty();
        };
    }

    private static ObservationComponentComponent component(Instrument instrument, Subscale subscale,
            SubscaleScore score, boolean whole) {
        ObservationComponentComponent component = new ObservationComponentComponent();
        component.setCode(new CodeableConcept(new Coding(FhirUris.SCORE_CODES, subscaleCode(instrument, subscale),
                instrument.id() + " " + subscale.name())).setText(subscale.name()));
        if (score.score().isPresent()) {
            component.setValue(value(score.score().get(), whole && subscale.aggregation()
                    == Aggregation.SUM));
        } else {
            component.setDataAbsentReason(new CodeableConcept(new Coding(
                    DATA_ABSENT_REASON_CODES, "not-performed", "Not Performed")));
        }
        score.band().ifPresent(band -> component.addInterpretation(bandConcept(band)));
        caseness(score.caseness(), subscale.cutoff()).ifPresent(component::addInterpretation);
        return component;
    }
}
