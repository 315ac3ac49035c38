/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * An episode of care following a referral: start, the interventions delivered and, once closed, the end
 * date and discharge reason.
 *
 * <p>An open episode has neither end nor discharge reason; a closed one has both, with
 * {@code end >= start}. {@link #toString()} redacts the dates.
 *
 * @param id pseudonymised episode id
 * @param start first contact date
 * @param end discharge date, if closed
 * @param interventions interventions delivered, in order
 * @param dischargeReason why it ended, if closed
 * @since 0.1.0
 */
public record Episode(PseudonymousId id, LocalDate start, Optional<LocalDate> end,
        List<InterventionDelivery> interventions, Optional<DischargeReason> dischargeReason) {

    /**
     * Validates and copies.
     *
     * @param id pseudonymised episode id
     * @param start first contact date
     * @param end discharge date, if closed
     * @param interventions interventions delivered, in order
     * @param dischargeReason why it ended, if closed
     */
    public Episode {
        Check.notNull(id, "episode id");
        Check.notNull(start, "episode start");
        Check.notNull(end, "episode end");
        interventions = List.copyOf(Check.notNull(interventions, "interventions"));
        Check.notNull(dischargeReason, "discharge reason");
        Check.argument(end.isPresent() == dischargeReason.isPresent(),
                "episode end and discharge reason must be given together: %s",
                end.isPresent() ? "reason missing" : "end missing");
        end.ifPresent(e -> Check.argument(!e.isBefore(start), "episode end must not be before its start: %s",
                "end before start"));
    }

    /**
     * An open episode.
     *
     * @param id the id
     * @param start the start date
     * @param interventions interventions so far
     * @return the episode
     */
    public static Episode open(PseudonymousId id, LocalDate start, List<InterventionDelivery> interventions) {
        return new Episode(id, start, Optional.empty(), interventions, Optional.empty());
    }

    /**
     * A closed copy.
     *
     * @param end the discharge date
     * @param reason the discharge reason
     * @return the closed episode
     */
    public Episode closed(LocalDate end, DischargeReason reason) {
        return new Episode(id, start, Optional.of(end), interventions, Optional.of(reason));
    }

    /** Redacted. */
    @Override
    public String toString() {
        return "Episode[id=" + id + ", interventions=" + interventions.size() + ", closed=" + end.isPresent()
                + dischargeReason.map(r -> ", dischargeReason=" + r).orElse("") + "]";
    }
}
