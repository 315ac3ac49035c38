/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.imhmeasures.core.care.DischargeReason;
import org.imhmeasures.core.care.EthnicCategory;
import org.imhmeasures.core.care.Household;
import org.imhmeasures.core.care.ReferralSource;
import org.imhmeasures.core.risk.AdverseChildhoodExperience;
import org.imhmeasures.core.risk.ReferralReason;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.scoring.Timepoint;

/** The code lists a submission's coded fields are checked against. Not API. */
public enum CodeList {
    /** NHS ethnic category national codes, e.g. {@code A}, {@code Z}, {@code 99}. */
    ETHNIC_CATEGORY("NHS ethnic category codes", Arrays.stream(EthnicCategory.values()).map(EthnicCategory::code)),
    /** NHS source-of-referral codes, e.g. {@code A2}. */
    REFERRAL_SOURCE("NHS source of referral codes", Arrays.stream(ReferralSource.values()).map(ReferralSource::code)),
    /** MHSDS primary reason for referral codes of the validator's taxonomy. */
    REFERRAL_REASON("referral reason codes", Stream.empty()) {
        @Override
        public boolean contains(String code, RiskTaxonomy taxonomy) {
            return taxonomy.referralReason(code).isPresent();
        }

        @Override
        public String description(RiskTaxonomy taxonomy) {
            return "referral reason codes " + codes(taxonomy.referralReasons().stream().map(ReferralReason::code));
        }
    },
    /** Risk factor ids of the validator's taxonomy. */
    RISK_FACTOR("risk factor ids", Stream.empty()) {
        @Override
        public boolean contains(String code, RiskTaxonomy taxonomy) {
            return taxonomy.factor(code).isPresent();
        }

        @Override
        public String description(RiskTaxonomy taxonomy) {
            return "risk factor ids of taxonomy " + taxonomy.version();
        }
    },
    /** The ten ACEs, lower case. */
    ACE("adverse childhood experiences", lower(AdverseChildhoodExperience.values())),
    /** Caregiver relationships, lower case. */
    CAREGIVER_RELATIONSHIP("caregiver relationships " + codes(lower(CaregiverRelationship.values())),
            lower(CaregiverRelationship.values())),
    /** Respondents: a caregiver relationship, or {@code practitioner} for observer-rated measures. */
    RESPONDENT("respondents", Stream.concat(lower(CaregiverRelationship.values()),
            Stream.of("practitioner"))),
    /** Households, lower case. */
    HOUSEHOLD("households " + codes(lower(Household.values())), lower(Household.values())),
    /** Discharge reasons, lower case. */
    DISCHARGE_REASON("discharge reasons " + codes(lower(DischargeReason.values())), lower(DischargeReason.values())),
    /** Timepoints, lower case. */
    TIMEPOINT("timepoints " + codes(lower(Timepoint.values())), lower(Timepoint.values()));

    private final String description;
    private final Set<String> codes;

    CodeList(String description, Stream<String> codes) {
        this.description = description;
        this.codes = codes.collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Whether {@code code} is in the list (exact, case-sensitive).
     *
     * @param code the code
     * @param taxonomy the validator's risk taxonomy, for the lists that come from it
     * @return true if known
     */
    public boolean contains(String code, RiskTaxonomy taxonomy) {
        return codes.contains(code);
    }

    /**
     * A description for messages, e.g. {@code timepoints [baseline, review, discharge, follow_up]}.
     *
     * @param taxonomy the validator's risk taxonomy, for the lists that come from it
     * @return the description
     */
    public String description(RiskTaxonomy taxonomy) {
        return description;
    }

    /**
     * The list of a name, the constant's name in lower case (e.g. {@code ethnic_category}), as
     * {@code org.imhmeasures.portal.constraints.KnownCode} names it.
     *
     * @param name the list name
     * @return the list, or empty
     */
    public static Optional<CodeList> byName(String name) {
        return Arrays.stream(values()).filter(l -> l.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }

    /**
     * Every list name, for messages.
     *
     * @return the names, in declaration order
     */
    public static List<String> names() {
        return Arrays.stream(values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static Stream<String> lower(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT));
    }

    private static String codes(Stream<String> codes) {
        return codes.collect(Collectors.joining(", ", "[", "]"));
    }
}
