/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * Published severity bands, in ascending order, with their source.
 *
 * <p>Bands never overlap. They need not cover the whole range: where a source confirms only some
 * labels (PIR-GAS), scores outside the confirmed bands have no band rather than a guessed one, and
 * {@link #status(BigDecimal)} says on which side of the confirmed bands they lie.
 *
 * @param bands the bands in ascending order; may be empty when none are published
 * @param source where the bands come from; required when {@code bands} is not empty
 * @since 0.1.0
 */
public record Bands(List<Band> bands, Optional<Source> source) {

    private static final Bands NONE = new Bands(List.of(), Optional.empty());

    /**
     * Validates order, overlap and the presence of a source.
     *
     * @param bands the bands in ascending order; may be empty when none are published
     * @param source where the bands come from; required when {@code bands} is not empty
     */
    public Bands {
        bands = List.copyOf(Check.notNull(bands, "bands"));
        Check.notNull(source, "bands source");
        Check.argument(bands.isEmpty() || source.isPresent(), "bands must have a source: none given");
        for (int i = 1; i < bands.size(); i++) {
            Band previous = bands.get(i - 1);
            Band next = bands.get(i);
            Check.argument(next.from().compareTo(previous.to()) > 0,
                    "band %s must start above the end of band %s: %s <= %s", next.label(), previous.label(),
                    Decimals.show(next.from()), Decimals.show(previous.to()));
        }
    }

    /**
     * Returns the empty set of bands, for instruments without published bands.
     *
     * @return no bands
     */
    public static Bands none() {
        return NONE;
    }

    /**
     * Creates bands.
     *
     * @param source where the bands come from
     * @param bands the bands in ascending order
     * @return the bands
     */
    public static Bands of(Source source, List<Band> bands) {
        return new Bands(bands, Optional.of(source));
    }

    /**
     * Finds the band for a score.
     *
     * <p>A score lies in a band when {@code from <= score} and the score is below the next band's
     * {@code from} (or at most {@code to} for the last band, or for a band followed by a gap). So a
     * prorated PHQ-9 total of 9.6 is "mild" (5–9), the band it cannot have left yet.
     *
     * @param score the score to classify
     * @return the band, or empty when no published band covers the score
     */
    public Optional<Band> classify(BigDecimal score) {
        for (int i = bands.size() - 1; i >= 0; i--) {
            Band band = bands.get(i);
            if (score.compareTo(band.from()) >= 0) {
                boolean followedWithoutGap = i + 1 < bands.size()
                        && bands.get(i + 1).from().subtract(band.to()).compareTo(BigDecimal.ONE) <= 0;
                BigDecimal upper = followedWithoutGap ? bands.get(i + 1).from() : band.to();
                boolean inside = followedWithoutGap ? score.compareTo(upper) < 0 : score.compareTo(upper) <= 0;
                return inside ? Optional.of(band) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Places a score against the bands: in one of them ({@link #classify(BigDecimal)} finds it), below the
     * lowest, above the highest, between two, or {@link BandStatus#NO_BANDS} when none are published. A
     * score is below the bands when it is less than the first band's {@code from}, above them when it is
     * greater than the last band's {@code to}; any other score without a band is in a gap.
     *
     * @param score the score to place
     * @return where the score stands, never {@code null}
     * @since 0.1.0
     */
    public BandStatus status(BigDecimal score) {
        Check.notNull(score, "score");
        if (bands.isEmpty()) {
            return BandStatus.NO_BANDS;
        }
        if (classify(score).isPresent()) {
            return BandStatus.IN_BAND;
        }
        if (score.compareTo(bands.get(0).from()) < 0) {
            return BandStatus.BELOW_CONFIRMED_BANDS;
        }
        if (score.compareTo(bands.get(bands.size() - 1).to()) > 0) {
            return BandStatus.ABOVE_CONFIRMED_BANDS;
        }
        return BandStatus.BETWEEN_CONFIRMED_BANDS;
    }

    /**
     * Tells whether any band is published.
     *
     * @return {@code true} when there is no band
     */
    public boolean isEmpty() {
        return bands.isEmpty();
    }
}
