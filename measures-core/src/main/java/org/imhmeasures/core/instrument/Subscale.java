/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * A published subscale or factor: a named subset of items scored together.
 *
 * @param id stable id, lower case, e.g. {@code anxiety} or {@code f2_rejection_anger}
 * @param name published name
 * @param itemIds the items it combines, in form order
 * @param aggregation how the item scores combine
 * @param range possible subscale scores
 * @param bands published bands for the subscale, possibly none
 * @param cutoff published caseness cut-off for the subscale, if any
 * @param source where the item membership comes from
 * @param codes terminology codes for the subscale score (e.g. the SNOMED CT concept of the HADS anxiety
 *        score), {@link Codes#none()} when none is known; never item codes (those belong to the instrument)
 * @param prorating the published opt-in prorating rule for the subscale (HADS: at least 4 of 7 answered),
 *        applied only when a caller asks for prorating; empty when none is published
 * @param missingItems the subscale's own published missing-item rule (CORE-OM: Problems and Functioning
 *        prorated over at most 1 missing item, Wellbeing and Risk none), applied whenever the instrument's
 *        rule lets items be missing: beyond it the subscale has no score, while the total follows the
 *        instrument's rule; empty when the subscale follows the instrument's rule
 * @since 0.1.0
 */
public record Subscale(String id, String name, List<String> itemIds, Aggregation aggregation, ScoreRange range,
        Bands bands, Optional<Cutoff> cutoff, Source source, Codes codes, Optional<SubscaleProrating> prorating,
        Optional<MissingItemRule> missingItems) {

    /**
     * Validates.
     *
     * @param id stable id, lower case, e.g. {@code anxiety} or {@code f2_rejection_anger}
     * @param name published name
     * @param itemIds the items it combines, in form order
     * @param aggregation how the item scores combine
     * @param range possible subscale scores
     * @param bands published bands for the subscale, possibly none
     * @param cutoff published caseness cut-off for the subscale, if any
     * @param source where the item membership comes from
     * @param codes terminology codes for the subscale score (e.g. the SNOMED CT concept of the HADS anxiety
     *     score), {@link Codes#none()} when none is known; never item codes (those belong to the instrument)
     * @param prorating the published opt-in prorating rule for the subscale, applied only when a caller asks
     *     for prorating; empty when none is published
     * @param missingItems the subscale's own published missing-item rule ({@code none_allowed} or
     *     {@code prorate}), or empty
     */
    public Subscale {
        id = Check.notBlank(id, "subscale id");
        Check.argument(id.matches("[a-z0-9_]+"), "subscale id must be lower case letters, digits and _: %s", id);
        name = Check.notBlank(name, "subscale name");
        itemIds = List.copyOf(Check.notNull(itemIds, "subscale items"));
        Check.argument(!itemIds.isEmpty(), "subscale %s must have items: none", id);
        Check.notNull(aggregation, "subscale aggregation");
        Check.notNull(range, "subscale range");
        Check.notNull(bands, "subscale bands");
        Check.notNull(cutoff, "subscale cut-off");
        Check.notNull(source, "subscale source");
        Check.notNull(codes, "subscale codes");
        Check.argument(codes.loincItems().isEmpty() && codes.loincPanel().isEmpty(),
                "subscale %s codes must be score codes only: item or panel codes given", id);
        Check.notNull(prorating, "subscale prorating");
        Check.argument(prorating.isEmpty() || prorating.get().minAnswered() <= itemIds.size(),
                "subscale %s prorating minimum answered must be at most %d: %d", id, itemIds.size(),
                prorating.map(SubscaleProrating::minAnswered).orElse(0));
        Check.notNull(missingItems, "subscale missing items");
        if (missingItems.isPresent()) {
            MissingItemRule rule = missingItems.get();
            Check.argument(rule instanceof MissingItemRule.NoneAllowed || rule instanceof MissingItemRule.Prorate,
                    "subscale %s missing-item rule must be none_allowed or prorate: %s", id, rule);
            Check.argument(!(rule instanceof MissingItemRule.Prorate p) || p.maxMissing() < itemIds.size(),
                    "subscale %s may prorate over at most %d missing items: %s", id, itemIds.size() - 1, rule);
            Check.argument(prorating.isEmpty(), "subscale %s must not have both a prorating rule and a missing-item "
                    + "rule: both", id);
        }
    }

    /**
     * Creates a subscale without its own missing-item rule.
     *
     * @param id lower-case id
     * @param name display name
     * @param itemIds member item ids
     * @param aggregation how item scores combine
     * @param range the subscale's range
     * @param bands bands, possibly none
     * @param cutoff cut-off, if published
     * @param source scoring source
     * @param codes score codes
     * @param prorating the published opt-in prorating rule, if any
     * @since 0.1.0
     */
    public Subscale(String id, String name, List<String> itemIds, Aggregation aggregation, ScoreRange range,
            Bands bands, Optional<Cutoff> cutoff, Source source, Codes codes, Optional<SubscaleProrating> prorating) {
        this(id, name, itemIds, aggregation, range, bands, cutoff, source, codes, prorating, Optional.empty());
    }

    /**
     * A subscale without terminology codes.
     *
     * @param id stable id
     * @param name published name
     * @param itemIds the items it combines, in form order
     * @param aggregation how the item scores combine
     * @param range possible subscale scores
     * @param bands published bands, possibly none
     * @param cutoff published caseness cut-off, if any
     * @param source where the item membership comes from
     */
    public Subscale(String id, String name, List<String> itemIds, Aggregation aggregation, ScoreRange range,
            Bands bands, Optional<Cutoff> cutoff, Source source) {
        this(id, name, itemIds, aggregation, range, bands, cutoff, source, Codes.none(), Optional.empty());
    }

    /**
     * A subscale without a published prorating rule.
     *
     * @param id stable id
     * @param name published name
     * @param itemIds the items it combines, in form order
     * @param aggregation how the item scores combine
     * @param range possible subscale scores
     * @param bands published bands, possibly none
     * @param cutoff published caseness cut-off, if any
     * @param source where the item membership comes from
     * @param codes terminology codes for the subscale score
     */
    public Subscale(String id, String name, List<String> itemIds, Aggregation aggregation, ScoreRange range,
            Bands bands, Optional<Cutoff> cutoff, Source source, Codes codes) {
        this(id, name, itemIds, aggregation, range, bands, cutoff, source, codes, Optional.empty());
    }
}
