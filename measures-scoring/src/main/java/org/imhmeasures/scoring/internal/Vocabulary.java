/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.internal;

import java.util.Locale;
import org.imhmeasures.scoring.Caseness;
import org.imhmeasures.scoring.change.Category;
import org.imhmeasures.scoring.change.ClinicalSignificance;
import org.imhmeasures.scoring.change.CutoffCrossing;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.change.ReliableChangeDirection;

/**
 * The words the library's files use for its enums: the scores and change CSV cells, the cohort report's
 * JSON keys and text, and the messages that name an RCI method. One table, kept out of the enums so
 * that they stay plain domain values; a command line keeps its own words for what it parses. The words
 * are part of the file formats: changing one changes every file written.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /**
     * Caseness as a CSV cell.
     *
     * @param caseness the value
     * @return {@code true}, {@code false}, or empty when no cut-off is defined or caseness is per subscale
     */
    public static String caseness(Caseness caseness) {
        return switch (caseness) {
            case CASE -> "true";
            case NOT_CASE -> "false";
            case NOT_DEFINED, PER_SUBSCALE -> "";
        };
    }

    /**
     * A cut-off crossing as the change CSV's {@code clinically_significant} cell (a name kept from before the
     * crossing and Jacobson–Truax's whole criterion were told apart: the column holds the crossing).
     *
     * @param crossing the value
     * @return {@code true}, {@code false}, or empty when no cut-off is available
     */
    public static String cutoffCrossing(CutoffCrossing crossing) {
        return switch (crossing) {
            case INTO_FUNCTIONAL -> "true";
            case NOT_INTO_FUNCTIONAL -> "false";
            case NOT_DEFINED -> "";
        };
    }

    /**
     * Clinical significance as a CSV cell.
     *
     * @param significance the value
     * @return {@code true}, {@code false}, or empty when no cut-off is available
     */
    public static String clinicalSignificance(ClinicalSignificance significance) {
        return switch (significance) {
            case SIGNIFICANT -> "true";
            case NOT_SIGNIFICANT -> "false";
            case NOT_DEFINED -> "";
        };
    }

    /**
     * A reliable-change verdict as a CSV cell and JSON key.
     *
     * @param direction the value
     * @return {@code improved}, {@code deteriorated} or {@code none}
     */
    public static String reliableChange(ReliableChangeDirection direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A change category as a CSV cell and JSON key.
     *
     * @param category the value
     * @return its name in lower case, e.g. {@code reliable_recovery}
     */
    public static String category(Category category) {
        return category.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The short name of an RCI method, as the cohort report's {@code method} and messages give it.
     *
     * @param method the method
     * @return {@code jt}, {@code gln}, {@code hll}, {@code en}, {@code nk}, {@code ha}, {@code nhs}, {@code anchor} or {@code percentage}
     */
    public static String rciMethod(RciMethod method) {
        return switch (method) {
            case JACOBSON_TRUAX -> "jt";
            case GULLIKSEN_LORD_NOVICK -> "gln";
            case HSU_LINN_LORD -> "hll";
            case EDWARDS_NUNNALLY -> "en";
            case NUNNALLY_KOTSCH -> "nk";
            case HAGEMAN_ARRINDELL -> "ha";
            case FIXED_THRESHOLD -> "nhs";
            case ANCHOR_BASED -> "anchor";
            case PERCENTAGE_CHANGE -> "percentage";
        };
    }
}
