package org.imhmeasures.core.instrument;

import java.math.BigDecimal;

/** Decimal normalisation used by the value types of this package, in one place. */
final class Decimals {

    private Decimals() {
    }

    /** Strips trailing zeros and keeps whole numbers at scale 0 (never {@code 1E+1}). */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
