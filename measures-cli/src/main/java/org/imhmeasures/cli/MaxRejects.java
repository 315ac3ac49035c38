/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --max-rejects N|P%}: how many rejected rows a completed run may have before it exits 3, as a count
 * ({@code 10}: more than 10 rejected rows fail) or a percentage of the rows read ({@code 0.5%}: more than
 * 0.5 % fail). Exactly the limit passes; a run that read no rows never exceeds a percentage.
 *
 * @param limit the largest number of rejected rows, or percentage of rows read, allowed
 * @param unit what the limit counts
 */
record MaxRejects(BigDecimal limit, Unit unit) {

    /** What a limit counts. */
    enum Unit {
        /** Rejected rows. */
        ROWS,
        /** Rejected rows as a percentage of the rows read. */
        PERCENT_OF_ROWS_READ
    }

    private static final String RULE = "--max-rejects must be a whole number or a percentage from 0% to 100%: ";

    /** Whether a run with these counts rejected more rows than allowed. */
    boolean exceededBy(long rejected, long read) {
        if (unit == Unit.ROWS) {
            return BigDecimal.valueOf(rejected).compareTo(limit) > 0;
        }
        // rejected / read > limit / 100, in exact arithmetic
        return BigDecimal.valueOf(rejected).multiply(BigDecimal.valueOf(100))
                .compareTo(limit.multiply(BigDecimal.valueOf(read))) > 0;
    }

    /** The limit as the user wrote it, for the message. */
    String describe() {
        return unit == Unit.ROWS ? limit.toPlainString() : limit.toPlainString() + "% of rows read";
    }

    /**
     * The exit status of a completed run: 0, or {@link Main#TOO_MANY_REJECTS} with one line on {@code err}
     * when the run rejected more rows than allowed.
     */
    static int status(Optional<MaxRejects> max, long rejected, long read, PrintStream err) {
        if (max.isPresent() && max.get().exceededBy(rejected, read)) {
            err.println("imh-measures: rejected rows must number at most " + max.get().describe() + ": " + rejected
                    + " of " + read + " rejected (--max-rejects)");
            return Main.TOO_MANY_REJECTS;
        }
        return 0;
    }

    /** Parses {@code N} or {@code P%}, ASCII digits only. */
    static final class Converter implements ITypeConverter<MaxRejects> {
        @Override
        public MaxRejects convert(String text) {
            if (text.matches("[0-9]{1,18}")) {
                return new MaxRejects(new BigDecimal(text), Unit.ROWS);
            }
            if (text.matches("[0-9]{1,3}(\\.[0-9]{1,6})?%")) {
                BigDecimal percent = new BigDecimal(text.substring(0, text.length() - 1));
                if (percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    return new MaxRejects(percent, Unit.PERCENT_OF_ROWS_READ);
                }
            }
            throw new TypeConversionException(RULE + text);
        }
    }
}
