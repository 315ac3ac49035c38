package org.imhmeasures.fhir;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.imhmeasures.core.instrument.Aggregation;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.scoring.Caseness;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.SubscaleScore;

/**
 * Maps a {@link Scored} result to a FHIR R4 {@code Observation} (base R4 and UKCore-Observation),
 * derived from the QuestionnaireResponse that was scored.
 *
 * <p>What is mapped:
 * <ul>
 * <li>{@code status} = final; {@code category} = {@code survey}; {@code subject} and
 *     {@code effectiveDateTime} copied from the response's {@code subject} and {@code authored};
 *     {@code derivedFrom} = {@code QuestionnaireResponse/<id>};</li>
 * <li>{@code code}: the LOINC total code where it exists and the SNOMED CT score concept where the
 *     definition has one (UK Core prefers SNOMED CT observables); when neither exists, the code
 *     {@code <key>-total} of {@link FhirUris#SCORE_CODES}; {@code code.text} = {@code "<ID> score"};</li>
 * <li>value: {@code valueInteger} when the instrument sums or rates whole item scores and the total is
 *     whole; otherwise {@code valueQuantity} with the decimal total and UCUM unit {@code {score}}
 *     (SWEMWBS metric score, KIPS mean, CORE-10 clinical score, prorated totals); no value for
 *     instruments without a total (GBO, HADS), whose scores are components;</li>
 * <li>{@code interpretation}: the band label as text; {@code A} (abnormal) or {@code N} (normal) of
 *     v3-ObservationInterpretation for caseness, with the cut-off's meaning as text; and one {@code AA}
 *     (critical abnormal) per critical-item alert, text {@code "critical item <id> scored <n>: <reason>"},
 *     so that a record system raises it;</li>
 * <li>{@code component}: one per subscale (or GBO goal), code {@code <key>-subscale-<id>} of
 *     {@link FhirUris#SCORE_CODES}, the value as above (or {@code dataAbsentReason} = {@code not-performed}
 *     when the subscale could not be scored), with its band and caseness interpretations;</li>
 * <li>{@code method.text} names the library version and definition version that scored it;
 *     {@code note} says when the total was prorated.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1.0
 */
public final class ScoreMapping {

    private static final String SCORE_UNIT = "{score}";
    private static final String UCUM = "http://unitsofmeasure.org";

    private ScoreMapping() {
    }

    /**
     * Maps a score to an Observation derived from {@code source}.
     *
     * @param instrument the instrument that was scored
     * @param scored the score
     * @param source the QuestionnaireResponse that was scored; it must have an id
     * @return a new Observation without id
     * @throws IllegalArgumentException if the score is of another instrument or definition version, or
     *         {@code source} has no id
     */
    public static Observation toObservation(Instrument instrument, Scored scored, QuestionnaireResponse source) {
        Require.notNull(instrument, "instrument");
        Require.notNull(scored, "scored");
        Require.notNull(source, "source");
        Require.argument(scored.provenance().instrumentId().equals(instrument.id()),
                "score instrument must be %s: %s", instrument.id(), scored.provenance().instrumentId());
        Require.argument(scored.provenance().definitionVersion().equals(instrument.definitionVersion()),
                "score definition version must be %s: %s", instrument.definitionVersion(),
                scored.provenance().definitionVersion());
        Require.argument(source.hasIdElement() && source.getIdElement().hasIdPart(),
                "source questionnaire response must have an id: none");

        Observation observation = new Observation();
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(FhirUris.OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(totalCode(instrument));
        if (source.hasSubject()) {
            observation.setSubject(source.getSubject().copy());
        }
        if (source.hasAuthored()) {
            observation.setEffective(source.getAuthoredElement().copy());
        }
        observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + source.getIdElement().getIdPart()));
        observation.setMethod(new CodeableConcept().setText("imh-measures " + scored.provenance().libraryVersion()
                + " scoring of " + instrument.id() + " definition " + instrument.definitionVersion()));
        boolean whole = wholeScores(instrument.scoring());
        scored.total().ifPresent(total -> observation.setValue(value(total, whole)));
        scored.band().ifPresent(band -> observation.addInterpretation(bandConcept(band)));
        caseness(scored.caseness(), instrument.caseness()).ifPresent(observation::addInterpretation);
        for (CriticalAlert alert : scored.criticalAlerts()) {
            observation.addInterpretation(new CodeableConcept(new Coding(FhirUris.INTERPRETATION, "AA",
                    "Critical abnormal")).setText("critical item " + alert.itemId() + " scored " + alert.score()
                    + ": " + alert.reason()));
        }
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
        return observation;
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

    private static Optional<CodeableConcept> caseness(Caseness caseness, Optional<Cutoff> cutoff) {
        String meaning = cutoff.map(Cutoff::meaning).orElse("caseness");
        return switch (caseness) {
            case CASE -> Optional.of(new CodeableConcept(new Coding(FhirUris.INTERPRETATION, "A", "Abnormal"))
                    .setText("case: " + meaning));
            case NOT_CASE -> Optional.of(new CodeableConcept(new Coding(FhirUris.INTERPRETATION, "N", "Normal"))
                    .setText("not a case: " + meaning));
            case NOT_DEFINED -> Optional.empty();
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
                    "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed", "Not Performed")));
        }
        score.band().ifPresent(band -> component.addInterpretation(bandConcept(band)));
        caseness(score.caseness(), subscale.cutoff()).ifPresent(component::addInterpretation);
        return component;
    }
}
