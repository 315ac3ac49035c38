/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

/**
 * How text cells are written to CSV output: neutralised against formula injection (the default), or
 * raw for pipelines that read the files with a CSV parser only.
 *
 * <p>A spreadsheet (Excel, LibreOffice Calc, Google Sheets) that opens a CSV file evaluates a cell that
 * begins with {@code =}, {@code +}, {@code -} or {@code @} as a formula, and a leading TAB or carriage
 * return can hide such a cell's first character; a record id such as {@code =HYPERLINK("…")} would then
 * run as a formula on the computer of whoever opens the scores. OWASP, "CSV Injection"
 * (https://owasp.org/www-community/attacks/CSV_Injection), recommends that no cell begin with these six
 * characters, and that such a cell be prefixed with a single quote so spreadsheets read it as text.
 * {@link #NEUTRALISE_FORMULAS} does exactly that; the CSV writer then quotes the cell as usual when CSV
 * needs it ({@code ,} {@code "} or a line break inside).
 *
 * <p>The rule applies to <em>text</em> cells: values that came from the input (record id, timepoint,
 * group columns) or that our code composed as words (reject reasons and messages, band labels,
 * instrument ids — a user may load their own definitions). Cells that hold a number the library
 * formatted or validated as a number ({@code raw_total}, {@code total}, {@code items_missing},
 * subscale scores, the rejects' {@code line}; in change output {@code pre}, {@code post},
 * {@code change}, {@code rci}) are never altered, so a change of {@code -5} stays {@code -5} and stays
 * machine-readable: a spreadsheet reads such a cell as a number, not as a formula.
 *
 * <p>A reader that wants the original value back removes one leading {@code '} from a text cell whose
 * second character is one of the six; with {@link #RAW} nothing is changed.
 *
 * @since 0.1.0
 */
public enum CsvCells {

    /** Text cells beginning with {@code = + - @}, TAB or CR get a leading {@code '} (the default). */
    NEUTRALISE_FORMULAS,

    /** Every cell is written as it is, for pipelines that never open the files in a spreadsheet. */
    RAW;

    /**
     * A text cell as this policy writes it.
     *
     * @param text the cell's value
     * @return {@code text}, or {@code "'" + text} when this policy neutralises it
     */
    public String text(String text) {
        return this == NEUTRALISE_FORMULAS && startsLikeFormula(text) ? "'" + text : text;
    }

    /**
     * Whether a spreadsheet could read a cell with this value as a formula: it begins with {@code =},
     * {@code +}, {@code -}, {@code @}, TAB or CR.
     *
     * @param text the cell's value
     * @return whether it begins with one of the six characters
     */
    public static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
