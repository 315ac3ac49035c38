/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * The instrument's own rule for unanswered items.
 *
 * @since 0.1.0
 */
public sealed interface MissingItemRule permits MissingItemRule.NoneAllowed, MissingItemRule.Prorate,
        MissingItemRule.MinimumAnswered, MissingItemRule.Unadjusted {

    /**
     * No item may be missing. This is the library default where no published rule is confirmed.
     *
     * @param note why (e.g. "no published prorating rule confirmed")
     */
    record NoneAllowed(String note) implements MissingItemRule {
        /**
         * Validates.
         *
         * @param note why (e.g. "no published prorating rule confirmed")
         */
        public NoneAllowed {
            note = Check.notBlank(note, "missing-item note");
        }
    }

    /**
     * Prorate when at most {@code maxMissing} items are missing (CORE-10: at most 1).
     *
     * @param maxMissing largest number of missing items that may be prorated, at least 1
     * @param source where the rule comes from
     */
    record Prorate(int maxMissing, Source source) implements MissingItemRule {
        /**
         * Validates.
         *
         * @param maxMissing largest number of missing items that may be prorated, at least 1
         * @param source where the rule comes from
         */
        public Prorate {
            Check.argument(maxMissing >= 1, "prorate max missing must be at least 1: %d", maxMissing);
            Check.notNull(source, "missing-item source");
        }
    }

    /**
     * Unanswered items are expected and not prorated; at least {@code minAnswered} must be answered
     * (GBO: one to three goals).
     *
     * @param minAnswered fewest answered items for a usable administration
     * @param source where the rule comes from
     */
    record MinimumAnswered(int minAnswered, Source source) implements MissingItemRule {
        /**
         * Validates.
         *
         * @param minAnswered fewest answered items for a usable administration
         * @param source where the rule comes from
         */
        public MinimumAnswered {
            Check.argument(minAnswered >= 1, "minimum answered must be at least 1: %d", minAnswered);
            Check.notNull(source, "missing-item source");
        }
    }

    /**
     * Up to {@code maxMissing} items may be unanswered and the total is the plain sum of the answered items,
     * with no adjustment (ASQ:SE-2: one or two omitted items need no adjusted score, because the developers
     * found that omitting them does not significantly alter a child's classification; Brookes support
     * article 367). More missing items make the administration not scorable: a rule the publisher gives for
     * more (an adjusted score near the cut-off) is left to the licensed manual.
     *
     * @param maxMissing largest number of unanswered items, at least 1
     * @param source where the rule comes from
     * @since 0.2.0
     */
    record Unadjusted(int maxMissing, Source source) implements MissingItemRule {
        /**
         * Validates.
         *
         * @param maxMissing largest number of unanswered items, at least 1
         * @param source where the rule comes from
         */
        public Unadjusted {
            Check.argument(maxMissing >= 1, "unadjusted max missing must be at least 1: %d", maxMissing);
            Check.notNull(source, "missing-item source");
        }
    }

    /**
     * The source of the rule, if it has one.
     *
     * @return the source; empty for the default strict rule
     */
    default Optional<Source> sourceIfAny() {
        if (this instanceof Prorate p) {
            return Optional.of(p.source());
        }
        if (this instanceof MinimumAnswered m) {
            return Optional.of(m.source());
        }
        if (this instanceof Unadjusted u) {
            return Optional.of(u.source());
        }
        return Optional.empty();
    }
}
