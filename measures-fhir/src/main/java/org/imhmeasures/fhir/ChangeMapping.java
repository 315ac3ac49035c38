/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.change.Category;
import org.imhmeasures.scoring.change.ChangeParameters;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.CutoffCrossing;
import org.imhmeasures.scoring.change.ReliableChangeDirection;

/**
 * Maps an assessed change between two scores to a FHIR R4 {@code Observation} (base R4 and
 * UKCore-Observation), derived from the two score Observations.
 *
 * <p>What is mapped: {@code code} = {@code <key>-change} of {@link FhirUris#SCORE_CODES}; {@code valueQuantity}
 * = post − pre (UCUM {@code {score}}); {@code method.text} = the reliable-change method and parameter source;
 * {@code subject} and {@code effective[x]} from the later score; {@code derivedFrom} = both score
 * Observations; components (all coded in {@link FhirUris#SCORE_CODES}): {@code change-pre},
 * {@code change-post}, {@code change-rci} and {@code change-critical-value} (where the method has them),
 * {@code change-threshold} (fixed-threshold methods), {@code change-reliability} and {@code change-sd}
 * (where used), {@code change-reliable-change} ({@code improved}, {@code deteriorated}, {@code none}),
 * {@code change-clinical-significance} ({@code significant}, {@code not-significant}; left out when not
 * defined) and {@code change-category} (the method's category, e.g. {@code reliable-improvement}). Numbers
 * are written as given by the change model, as decimals.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1.0
 */
public final class ChangeMapping {

    private ChangeMapping() {
    }

    /**
     * Maps an assessed change to an Observation.
     *
     * @param instrument the instrument both scores are of
     * @param parameters the parameters of the change model that assessed it
     * @param change the assessed change
     * @param pre the earlier score's Observation; it must have an id
     * @param post the later score's Observation; it must have an id
     * @return a new Observation without id
     * @throws IllegalArgumentException if the parameters are of another instrument or an Observation has no id
     */
    public static Observation toObservation(Instrument instrument, ChangeParameters parameters,
            ChangeResult.Assessed change, Observation pre, Observation post) {
        Require.notNull(instrument, "instrument");
        Require.notNull(parameters, "parameters");
        Require.notNull(change, "change");
        Require.notNull(pre, "pre observation");
        Require.notNull(post, "post observation");
        Require.argument(parameters.instrumentId().equals(instrument.id()),
                "change parameters instrument must be %s: %s", instrument.id(), parameters.instrumentId());
        Require.argument(pre.getIdElement().hasIdPart(), "pre observation must have an id: none");
        Require.argument(post.getIdElement().hasIdPart(), "post observation must have an id: none");

        Observation observation = new Observation();
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(FhirUris.OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(new CodeableConcept(own(changeCode(instrument), instrument.id() + " change"))
                .setText(instrument.id() + " change"));
        if (post.hasSubject()) {
            observation.setSubject(post.getSubject().copy());
        }
        if (post.hasEffective()) {
            observation.setEffective(post.getEffective().copy());
        }
        observation.addDerivedFrom(new Reference("Observation/" + pre.getIdElement().getIdPart()));
        observation.addDerivedFrom(new Reference("Observation/" + post.getIdElement().getIdPart()));
        observation.setMethod(new CodeableConcept().setText("reliable change: " + parameters.method().name()
                .toLowerCase(Locale.ROOT).replace('_', ' ') + ", parameters: " + parameters.source().name()
                .toLowerCase(Locale.ROOT).replace('_', ' ')));
        observation.setValue(quantity(change.change()));
        observation.addComponent(number("change-pre", "score before", change.pre()));
        observation.addComponent(number("change-post", "score after", change.post()));
        addIfPresent(observation, "change-rci", "reliable change index", change.rci());
        addIfPresent(observation, "change-critical-value", "critical value", parameters.criticalValue());
        addIfPresent(observation, "change-threshold", "fixed threshold", parameters.threshold());
        addIfPresent(observation, "change-reliability", "reliability", parameters.reliability());
        addIfPresent(observation, "change-sd", "reference standard deviation", parameters.sd());
        observation.addComponent(coded("change-reliable-change", "reliable change",
                codeOf(change.reliableChange())));
        if (change.crossedCutoff() != CutoffCrossing.NOT_DEFINED) {
            observation.addComponent(coded("change-clinical-significance", "clinical significance",
                    codeOf(change.crossedCutoff())));
        }
        observation.addComponent(coded("change-category", "change category", codeOf(change.category())));
        return observation;
    }

    /** The component codes and value codes this mapping adds to {@link FhirUris#SCORE_CODES}. */
    static List<String[]> codes() {
        List<String[]> codes = new ArrayList<>();
        codes.add(new String[] {"change-pre", "score before"});
        codes.add(new String[] {"change-post", "score after"});
        codes.add(new String[] {"change-rci", "reliable change index"});
        codes.add(new String[] {"change-critical-value", "critical value"});
        codes.add(new String[] {"change-threshold", "fixed threshold"});
        codes.add(new String[] {"change-reliability", "reliability"});
        codes.add(new String[] {"change-sd", "reference standard deviation"});
        codes.add(new String[] {"change-reliable-change", "reliable change"});
        codes.add(new String[] {"change-clinical-significance", "clinical significance"});
        codes.add(new String[] {"change-category", "change category"});
        for (ReliableChangeDirection value : ReliableChangeDirection.values()) {
            codes.add(new String[] {codeOf(value), "reliable change: " + display(value)});
        }
        for (CutoffCrossing value : CutoffCrossing.values()) {
            if (value != CutoffCrossing.NOT_DEFINED) {
                codes.add(new String[] {codeOf(value), "clinical significance: " + word(value).replace('-', ' ')});
            }
        }
        for (Category value : Category.values()) {
            codes.add(new String[] {codeOf(value), "change category: " + display(value)});
        }
        return codes;
    }

    static String changeCode(Instrument instrument) {
        return instrument.key() + "-change";
    }

    private static String display(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String codeOf(ReliableChangeDirection value) {
        return "reliable-change-" + value.name().toLowerCase(Locale.ROOT);
    }

    /** The cut-off crossing under the codes it has always had ({@code clinical-significance-significant}). */
    private static String codeOf(CutoffCrossing value) {
        return "clinical-significance-" + word(value);
    }

    private static String word(CutoffCrossing value) {
        return value == CutoffCrossing.INTO_FUNCTIONAL ? "significant" : "not-significant";
    }

    private static String codeOf(Category value) {
        return "category-" + value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Coding own(String code, String display) {
        return new Coding(FhirUris.SCORE_CODES, code, display);
    }

    private static Quantity quantity(double value) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit("score")
                .setSystem("http://unitsofmeasure.org").setCode("{score}");
    }

    private static ObservationComponentComponent number(String code, String display, double value) {
        ObservationComponentComponent component = new ObservationComponentComponent();
        component.setCode(new CodeableConcept(own(code, display)).setText(display));
        component.setValue(new Quantity().setValue(BigDecimal.valueOf(value)));
        return component;
    }

    private static void addIfPresent(Observation observation, String code, String display, OptionalDouble value) {
        if (value.isPresent()) {
            observation.addComponent(number(code, display, value.getAsDouble()));
        }
    }

    private static ObservationComponentComponent coded(String code, String display, String valueCode) {
        ObservationComponentComponent component = new ObservationComponentComponent();
        component.setCode(new CodeableConcept(own(code, display)).setText(display));
        String valueDisplay = codes().stream().filter(c -> c[0].equals(valueCode)).findFirst()
                .map(c -> c[1]).orElseThrow();
        component.setValue(new CodeableConcept(own(valueCode, valueDisplay)));
        return component;
    }
}
