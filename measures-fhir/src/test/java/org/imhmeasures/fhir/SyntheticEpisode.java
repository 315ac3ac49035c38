/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.care.CareUnit;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.imhmeasures.core.care.DischargeReason;
import org.imhmeasures.core.care.Episode;
import org.imhmeasures.core.care.EthnicCategory;
import org.imhmeasures.core.care.Household;
import org.imhmeasures.core.care.Infant;
import org.imhmeasures.core.care.InfantDates;
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.care.ReferralSource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.risk.RiskFactor;
import org.imhmeasures.core.risk.RiskProfile;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Timepoint;

/**
 * A full synthetic episode (hand-made, no real family): a triad referred by a health visitor with two
 * reasons and every risk factor of the built-in taxonomy (so factors with and without SNOMED CT concepts
 * occur), a closed episode, and EPDS and PHQ-9 at baseline and discharge with their score Observations.
 */
final class SyntheticEpisode {

    static final LocalDate BIRTH = LocalDate.of(2025, 11, 3);
    static final Reference PATIENT = new Reference("Patient/infant-example");
    static final Reference ORGANIZATION = new Reference("Organization/service-example");

    private SyntheticEpisode() {
    }

    static Referral referral() {
        RiskTaxonomy taxonomy = RiskTaxonomy.builtIn();
        Infant infant = Infant.of(PseudonymousId.of("INF-1"), InfantDates.born(BIRTH));
        CareUnit unit = new CareUnit(infant, List.of(Caregiver.of("CG-1", CaregiverRelationship.BIRTH_MOTHER),
                Caregiver.of("CG-2", CaregiverRelationship.PARTNER)));
        return new Referral(PseudonymousId.of("REF-1"), unit, BIRTH.plusMonths(2), ReferralSource.A2,
                taxonomy.referralReasons().subList(0, 2),
                RiskProfile.of(taxonomy, taxonomy.factors().stream().map(RiskFactor::id).toList()),
                OptionalInt.of(24), Household.SHARED_CARE, EthnicCategory.A);
    }

    static Episode episode() {
        return Episode.open(PseudonymousId.of("EP-1"), BIRTH.plusMonths(3), List.of()).closed(BIRTH.plusMonths(9),
                DischargeReason.WORK_COMPLETED);
    }

    static List<QuestionnaireResponse> responses() {
        return produce().responses;
    }

    static List<Observation> observations() {
        return produce().observations;
    }

    static Bundle bundle() {
        Produced p = produce();
        return EpisodeBundle.toTransaction(referral(), episode(), PATIENT, Optional.of(ORGANIZATION), p.responses,
                p.observations);
    }

    private record Produced(List<QuestionnaireResponse> responses, List<Observation> observations) {
    }

    private static Produced produce() {
        List<QuestionnaireResponse> responses = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        String[][] answers = {{"EPDS", "2"}, {"EPDS", "1"}, {"PHQ-9", "2"}, {"PHQ-9", "0"}};
        for (int i = 0; i < answers.length; i++) {
            Instrument instrument = Catalogue.builtIn().get(answers[i][0]);
            java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
            String code = answers[i][1];
            instrument.items().forEach(item -> codes.put(item.id(), code));
            boolean baseline = i % 2 == 0;
            Administration administration = Administration.of(instrument.id(), codes)
                    .withDate(baseline ? BIRTH.plusMonths(3) : BIRTH.plusMonths(9))
                    .withTimepoint(baseline ? Timepoint.BASELINE : Timepoint.DISCHARGE).withRespondent("birth mother");
            QuestionnaireResponse response = ResponseMapping.toResponse(instrument, administration,
                    Optional.of(PATIENT));
            response.setId("qr-" + (i + 1));
            responses.add(response);
            Observation observation = ScoreMapping.toObservation(instrument,
                    (Scored) Scorer.of(instrument).score(administration), response);
            observation.setId("obs-" + (i + 1));
            observations.add(observation);
        }
        return new Produced(responses, observations);
    }

    static Set<String> snomedFactorIds() {
        return Set.copyOf(RiskTaxonomy.builtIn().factors().stream().filter(f -> !f.snomed().isEmpty())
                .map(RiskFactor::id).toList());
    }
}
