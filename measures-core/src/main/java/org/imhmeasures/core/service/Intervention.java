/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;

/**
 * An intervention used in parent-infant work, with the format facts a source states and, where
 * confirmed, its EIF rating.
 *
 * @param id stable snake_case id (used by {@link org.imhmeasures.core.care.InterventionDelivery})
 * @param name the name
 * @param description what it is, paraphrased
 * @param format sessions, weeks, frequency and session length where stated
 * @param modes how it is delivered
 * @param ageRange the age range stated by the source, if any
 * @param eif the EIF rating and its source, where confirmed
 * @param source where the facts come from
 * @since 0.1.0
 */
public record Intervention(String id, String name, String description, Format format, Set<Mode> modes,
        Optional<String> ageRange, Optional<Rated> eif, Source source) {

    /** How an intervention is delivered. */
    public enum Mode {
        /** With one family. */
        INDIVIDUAL,
        /** With a group of families. */
        GROUP,
        /** In the family's home. */
        HOME_VISITING
    }

    /** How often sessions take place. */
    public enum Frequency {
        /** Once a week. */
        WEEKLY
    }

    /**
     * Format facts; each is empty unless a source states it. A maximum may stand alone ("at most 18
     * weekly sessions"), as may a minimum; when both are given, min &lt;= max.
     *
     * @param sessionsMin fewest sessions
     * @param sessionsMax most sessions
     * @param weeksMin shortest course in weeks
     * @param weeksMax longest course in weeks
     * @param frequency session frequency
     * @param sessionMinutes session length in minutes
     */
    public record Format(OptionalInt sessionsMin, OptionalInt sessionsMax, OptionalInt weeksMin, OptionalInt weeksMax,
            Optional<Frequency> frequency, OptionalInt sessionMinutes) {

        /**
         * Validates ranges.
         *
         * @param sessionsMin fewest sessions
         * @param sessionsMax most sessions
         * @param weeksMin shortest course in weeks
         * @param weeksMax longest course in weeks
         * @param frequency session frequency
         * @param sessionMinutes session length in minutes
         */
        public Format {
            Check.notNull(sessionsMin, "sessions min");
            Check.notNull(sessionsMax, "sessions max");
            Check.notNull(weeksMin, "weeks min");
            Check.notNull(weeksMax, "weeks max");
            Check.notNull(frequency, "frequency");
            Check.notNull(sessionMinutes, "session minutes");
            range(sessionsMin, sessionsMax, "sessions");
            range(weeksMin, weeksMax, "weeks");
            sessionMinutes.ifPresent(m -> Check.argument(m > 0 && m <= 600, "session minutes must be 1 to 600: %d", m));
        }

        private static void range(OptionalInt min, OptionalInt max, String what) {
            min.ifPresent(m -> Check.argument(m >= 1, "%s min must be at least 1: %d", what, m));
            max.ifPresent(m -> Check.argument(m >= 1, "%s max must be at least 1: %d", what, m));
            if (min.isPresent() && max.isPresent()) {
                Check.argument(min.getAsInt() <= max.getAsInt(), "%s must have 1 <= min <= max: %d..%d", what,
                        min.getAsInt(), max.getAsInt());
            }
        }

        /**
         * No format facts.
         *
         * @return the empty format
         */
        public static Format unstated() {
            return new Format(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                    Optional.empty(), OptionalInt.empty());
        }
    }

    /**
     * An EIF rating with its source.
     *
     * @param rating the rating
     * @param source where it was read
     */
    public record Rated(EifRating rating, Source source) {
        /**
         * Validates.
         *
         * @param rating the rating
         * @param source where it was read
         */
        public Rated {
            Check.notNull(rating, "rating");
            Check.notNull(source, "rating source");
        }
    }

    /**
     * Validates and copies.
     *
     * @param id stable snake_case id (used by {@link org.imhmeasures.core.care.InterventionDelivery})
     * @param name the name
     * @param description what it is, paraphrased
     * @param format sessions, weeks, frequency and session length where stated
     * @param modes how it is delivered
     * @param ageRange the age range stated by the source, if any
     * @param eif the EIF rating and its source, where confirmed
     * @param source where the facts come from
     */
    public Intervention {
        id = Check.notBlank(id, "intervention id");
        Check.argument(id.matches("[a-z][a-z0-9_]{0,63}"), "intervention id must be snake_case: %s", id);
        name = Check.notBlank(name, "name");
        description = Check.notBlank(description, "description");
        Check.notNull(format, "format");
        Check.notNull(modes, "modes");
        Check.argument(!modes.isEmpty(), "modes must not be empty: none");
        modes = Collections.unmodifiableSet(EnumSet.copyOf(modes));
        Check.notNull(ageRange, "age range");
        Check.notNull(eif, "eif");
        Check.notNull(source, "source");
    }
}
