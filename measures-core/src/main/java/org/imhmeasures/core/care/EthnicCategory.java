/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.util.Optional;

/**
 * NHS ETHNIC CATEGORY national codes (the 2001-census "16+1" classification), with "not stated" and
 * the default "not known".
 *
 * <p>Source: NHS Data Model and Dictionary, data element ETHNIC CATEGORY, and Change Request 406
 * (default code {@code 99}). The 2021-census list ({@code EthnicCategory2021} in MHSDS) is not
 * modelled: its code list was not confirmed.
 *
 * @since 0.1.0
 */
public enum EthnicCategory {
    /** White - British. */
    A("A", "White - British"),
    /** White - Irish. */
    B("B", "White - Irish"),
    /** White - Any other White background. */
    C("C", "White - Any other White background"),
    /** Mixed - White and Black Caribbean. */
    D("D", "Mixed - White and Black Caribbean"),
    /** Mixed - White and Black African. */
    E("E", "Mixed - White and Black African"),
    /** Mixed - White and Asian. */
    F("F", "Mixed - White and Asian"),
    /** Mixed - Any other mixed background. */
    G("G", "Mixed - Any other mixed background"),
    /** Asian or Asian British - Indian. */
    H("H", "Asian or Asian British - Indian"),
    /** Asian or Asian British - Pakistani. */
    J("J", "Asian or Asian British - Pakistani"),
    /** Asian or Asian British - Bangladeshi. */
    K("K", "Asian or Asian British - Bangladeshi"),
    /** Asian or Asian British - Any other Asian background. */
    L("L", "Asian or Asian British - Any other Asian background"),
    /** Black or Black British - Caribbean. */
    M("M", "Black or Black British - Caribbean"),
    /** Black or Black British - African. */
    N("N", "Black or Black British - African"),
    /** Black or Black British - Any other Black background. */
    P("P", "Black or Black British - Any other Black background"),
    /** Other Ethnic Groups - Chinese. */
    R("R", "Other Ethnic Groups - Chinese"),
    /** Other Ethnic Groups - Any other ethnic group. */
    S("S", "Other Ethnic Groups - Any other ethnic group"),
    /** Not stated: the person was asked and declined, or was not in a condition to be asked. */
    Z("Z", "Not stated"),
    /** Not known: the default code. */
    NOT_KNOWN("99", "Not known");

    private final String code;
    private final String label;

    EthnicCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The national code, e.g. {@code A} or {@code 99}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The Data Dictionary label.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Looks up a national code. Only the first character of a two-character {@code an2} value carries
     * the national code (the second is for local use), except for {@code 99}.
     *
     * @param code the code as recorded, e.g. {@code A}, {@code A1} or {@code 99}
     * @return the category, or empty for an unknown code
     */
    public static Optional<EthnicCategory> fromCode(String code) {
        if (code == null || code.isEmpty() || code.length() > 2) {
            return Optional.empty();
        }
        if (code.equals("99")) {
            return Optional.of(NOT_KNOWN);
        }
        String national = code.substring(0, 1);
        for (EthnicCategory c : values()) {
            if (c != NOT_KNOWN && c.code.equals(national)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
