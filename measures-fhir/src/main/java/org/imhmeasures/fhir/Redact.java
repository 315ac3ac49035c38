/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What of an inbound value may appear in a message (the rule of measures-scoring's, which this module
 * cannot see). A value is shown only when it has the shape of something that is not patient data: an
 * answer code (a whole number of at most three digits), a FHIR type name ({@code valueString}),
 * {@code absent}, a count ({@code 2 answers}), a QuestionnaireResponse status code, an item id
 * ({@code phq9_4}), {@code the label of code 3} (a display check, naming a code of the definition) or a
 * canonical URL of this library's own (under {@link FhirUris#BASE}, lower-case key);
 * and never when it holds six or more digits or a date shape, so an
 * NHS number or a date of birth never passes. Anything else is described by its length.
 */
final class Redact {

    private static final Pattern SAFE = Pattern.compile("-?\\d{1,3}|absent|value[A-Z][A-Za-z]{1,30}"
            + "|\\d{1,6} [a-z][a-z ]{0,30}|completed|amended|in-progress|stopped|entered-in-error"
            + "|[a-z0-9]{1,16}_\\d{1,3}|the label of code [A-Za-z0-9_\\-]{1,12}"
            + "|\\Q" + FhirUris.BASE + "\\E/(Questionnaire|CodeSystem|ValueSet|StructureDefinition)/[a-z0-9\\-]{1,40}"
            + "(\\|[0-9.]{1,20})?");
    private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9]{1,16}_\\d{1,3}");
    private static final Pattern INSTRUMENT_ID = Pattern.compile("[A-Z][A-Z0-9()\\-:]{1,15}");
    private static final Pattern ANSWER = Pattern.compile("-?\\d{1,3}");
    private static final Pattern DATE = Pattern.compile(".*\\d{1,4}[-./_ ]\\d{1,2}[-./_ ]\\d{1,4}.*");
    private static final int MAX_RAW = 80;

    private Redact() {
    }

    /** An inbound value for a message; {@code null} is {@code absent}. */
    static String found(String value) {
        if (value == null) {
            return "absent";
        }
        return SAFE.matcher(value).matches() && noIdentifierShape(value) ? value : lengthOnly(value);
    }

    /** An instrument id for a message: shown only with the upper-case shape of one (PHQ-9, CORE-10). */
    static String instrumentId(String value) {
        return INSTRUMENT_ID.matcher(value).matches() && noIdentifierShape(value) ? value : lengthOnly(value);
    }

    /** An answer key for a message: shown only with the {@code key_n} shape of an item id. */
    static String key(String value) {
        return ITEM_ID.matcher(value).matches() ? value : lengthOnly(value);
    }

    /** An answer code for a message: shown only when it is a whole number of at most three digits. */
    static String code(String value) {
        return ANSWER.matcher(value).matches() ? value : lengthOnly(value);
    }

    /** The raw value cut to 80 characters (then {@code ...}), control characters escaped: still patient data. */
    static String clip(String value) {
        String text = value == null ? "absent" : value;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_RAW + 3));
        for (int i = 0; i < text.length() && i < MAX_RAW; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        if (text.length() > MAX_RAW) {
            out.append("...");
        }
        return out.toString();
    }

    private static boolean noIdentifierShape(String value) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        return digits < 6 && !DATE.matcher(value).matches();
    }

    private static String lengthOnly(String value) {
        return "<value of " + value.length() + " characters>";
    }
}
