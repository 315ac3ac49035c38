/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.report;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.scoring.cohort.Interval;
import org.imhmeasures.scoring.cohort.Proportion;
import org.imhmeasures.scoring.cohort.Suppression;

/** How the report writes numbers: two decimals for statistics, one for percent, p-values as the text tables. */
final class Formats {

    /** What an absent statistic shows. */
    static final String NONE = "–";

    private Formats() {
    }

    /** A score or parameter, as short as it reads back: {@code 10}, {@code 9.5}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String f2(OptionalDouble value) {
        return value.isPresent() ? f2(value.getAsDouble()) : NONE;
    }

    static String interval(Optional<Interval> interval) {
        return interval.map(i -> f2(i.lower()) + " to " + f2(i.upper())).orElse(NONE);
    }

    static String p(double value) {
        return value < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String count(long count, Suppression suppression) {
        return suppression.show(count);
    }

    /** Whether a share is hidden for publication. */
    static boolean hidden(Proportion p, Suppression suppression) {
        return suppression.hides(p.count()) || suppression.hides(p.total());
    }

    /** {@code 12 of 40 (30.0%)}, or {@code <5 of 40} when suppressed. */
    static String share(Proportion p, Suppression suppression) {
        if (hidden(p, suppression)) {
            return suppression.show(p.count()) + " of " + suppression.show(p.total());
        }
        return p.count() + " of " + p.total() + p.percent().map(v -> " (" + percent(v) + ")").orElse("");
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    static String percent(Proportion p, Suppression suppression) {
        return hidden(p, suppression) ? NONE : p.percent().map(Formats::percent).orElse(NONE);
    }

    static String wilson(Proportion p, Suppression suppression) {
        if (hidden(p, suppression) || p.wilson95().isEmpty()) {
            return NONE;
        }
        Interval i = p.wilson95().get();
        return String.format(Locale.ROOT, "%.1f to %.1f", i.lower(), i.upper());
    }

    /** {@code phq9} → a safe HTML id part: letters, digits and hyphens only. */
    static String anchor(String text) {
        String a = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return a.isEmpty() ? "x" : a;
    }

    /** {@code reliable_improvement} → {@code Reliable improvement}. */
    static String label(String word) {
        String text = word.replace('_', ' ');
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
