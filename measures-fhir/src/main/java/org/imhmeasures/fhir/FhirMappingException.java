/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

/**
 * A FHIR resource that cannot be mapped, located by its element path.
 *
 * <p>The message reads {@code <path> must <expected>: <found>}, e.g.
 * {@code QuestionnaireResponse.item[3].answer[0] must be a valueCoding with a code of 0..3: 7}. Paths use
 * 0-based indices as FHIRPath does. Messages name elements, codes and types, never patient data: what was
 * found is shown ({@link #found()}) only when it has the shape of an answer code (at most three digits), a
 * type name, {@code absent}, a count, a status code, an item id or one of this library's canonical URLs,
 * and holds neither six
 * or more digits nor a date shape; anything else (a linkId or a code that is a name, an NHS number, a date
 * of birth) is described by its length, e.g. {@code <value of 10 characters>}. The value as found is kept
 * only for the caller that needs it, behind {@link #patientSuppliedValue()}, and is not serialised with
 * the exception.
 *
 * <p>Sealed: {@link MissingElement} (a required element is absent), {@link UnknownReference} (a
 * questionnaire or item the catalogue does not know) and {@link InvalidValue} (present but of the wrong
 * type, value or cardinality).
 *
 * @since 0.1.0
 */
public abstract sealed class FhirMappingException extends RuntimeException
        permits FhirMappingException.MissingElement, FhirMappingException.UnknownReference,
        FhirMappingException.InvalidValue {

    private static final long serialVersionUID = 2L;

    /** The FHIRPath-style location of the problem. */
    private final String path;
    /** What the element must be. */
    private final String expected;
    /** What was found, redacted unless it has the shape of a code, type or count. */
    private final String found;
    /** The value as found, clipped; patient data, so never serialised. */
    private final transient String raw;

    private FhirMappingException(String path, String expected, String found) {
        super(path + " must " + expected + ": " + Redact.found(found));
        this.path = path;
        this.expected = expected;
        this.found = Redact.found(found);
        this.raw = Redact.clip(found);
    }

    /**
     * The FHIRPath-style location of the problem, e.g. {@code QuestionnaireResponse.item[3].answer[0]}.
     *
     * @return the element path
     */
    public String path() {
        return path;
    }

    /**
     * What the element must be, e.g. {@code be a valueCoding with a code of 0..3}.
     *
     * @return the rule
     */
    public String expected() {
        return expected;
    }

    /**
     * What was found, as the message shows it: e.g. {@code 7}, {@code valueString}, {@code absent} or
     * {@code 2 answers}; a value that may be patient data is described by its length
     * ({@code <value of 10 characters>}). Safe to log.
     *
     * @return the offending value, redacted
     */
    public String found() {
        return found;
    }

    /**
     * The value exactly as found in the resource, cut to 80 characters (then {@code ...}) with control
     * characters escaped. <strong>Patient data</strong>: a linkId, code or date in an inbound resource may be
     * a name, an NHS number or a date of birth. Never put it in a message, a log line or a response. It is
     * not serialised with the exception: after deserialisation this returns {@link #found()}.
     *
     * @return the value the sender supplied
     */
    public String patientSuppliedValue() {
        return raw != null ? raw : found;
    }

    /** A required element is absent. */
    public static final class MissingElement extends FhirMappingException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param path the absent element's path
         * @param expected what must be there, e.g. {@code be present}
         */
        public MissingElement(String path, String expected) {
            super(path, expected, "absent");
        }
    }

    /** A reference to something the catalogue does not hold: an unknown questionnaire, version or item. */
    public static final class UnknownReference extends FhirMappingException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param path the referring element's path
         * @param expected what it must refer to
         * @param found the reference found
         */
        public UnknownReference(String path, String expected, String found) {
            super(path, expected, found);
        }
    }

    /** An element present with the wrong type, value or cardinality. */
    public static final class InvalidValue extends FhirMappingException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param path the element's path
         * @param expected what it must be
         * @param found what it was
         */
        public InvalidValue(String path, String expected, String found) {
            super(path, expected, found);
        }
    }
}
