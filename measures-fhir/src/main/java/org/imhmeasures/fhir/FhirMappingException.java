package org.imhmeasures.fhir;

import java.util.Locale;

/**
 * A FHIR resource that cannot be mapped, located by its element path.
 *
 * <p>The message reads {@code <path> must <expected>: <found>}, e.g.
 * {@code QuestionnaireResponse.item[3].answer[0] must be a valueCoding with a code of 0..3: 7}. Paths use
 * 0-based indices as FHIRPath does. Messages name elements, codes and types, never patient data: the
 * found value is an answer code, a type name or a canonical URL, cut to 80 characters.
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

    private static final long serialVersionUID = 1L;
    private static final int MAX_FOUND = 80;

    private final String path;
    private final String expected;
    private final String found;

    private FhirMappingException(String path, String expected, String found) {
        super(path + " must " + expected + ": " + clip(found));
        this.path = path;
        this.expected = expected;
        this.found = clip(found);
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
     * What was found, e.g. {@code 7}, {@code valueString} or {@code absent}; at most 80 characters.
     *
     * @return the offending value
     */
    public String found() {
        return found;
    }

    private static String clip(String value) {
        String text = value == null ? "null" : value;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_FOUND + 3));
        for (int i = 0; i < text.length() && i < MAX_FOUND; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        if (text.length() > MAX_FOUND) {
            out.append("...");
        }
        return out.toString();
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
