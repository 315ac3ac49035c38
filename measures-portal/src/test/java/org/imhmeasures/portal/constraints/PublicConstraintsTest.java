/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.imhmeasures.core.care.NhsNumber;
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public constraints on a host's own DTOs, validated by a Hibernate Validator bootstrapped as a host
 * does it, with no configuration: validators found through {@code validatedBy}, messages through the
 * contributor bundle, never a raw key and never the value. The same class runs against Hibernate Validator
 * 9 / Jakarta Validation 3.1 and, in the {@code hibernate-validator-8} surefire execution, 8.0 / 3.0.
 */
class PublicConstraintsTest {

    /** Planted values: an NHS number with a wrong check digit, and a name where a pseudonym belongs. */
    private static final String PLANTED_NHS = "9434765918";
    private static final String PLANTED_NAME = "Jane Planted-Smith";

    private static ValidatorFactory factory;
    private static Validator validator;

    record Patient(@ValidNhsNumber String nhsNumber) { }

    record ParsedPatient(@ValidNhsNumber NhsNumber nhsNumber) { }

    record MaybePatient(Optional<@ValidNhsNumber String> nhsNumber) { }

    record Family(List<@ValidPseudonym String> caregiverIds) { }

    record Person(@ValidPseudonym String id) { }

    record Measure(@KnownInstrument String instrument) { }

    record Coded(@KnownCode(KnownCode.ETHNIC_CATEGORY) String ethnicity,
            @KnownCode(KnownCode.REFERRAL_REASON) String reason) { }

    record Misdeclared(@KnownCode("no_such_list") String code) { }

    @BeforeAll
    static void hostBootstrap() {
        // what a host does: the default provider, no configuration of ours (validation.xml of the test class
        // path sets fail_fast, so each DTO below is checked for one violation at a time)
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void runsOnTheProviderVersionOfThisExecution() {
        // the jars' names carry their versions (the manifest's version is not visible on the module path)
        String provider = HibernateValidator.class.getProtectionDomain().getCodeSource().getLocation().toString();
        String api = Validation.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(provider.contains("hibernate-validator-" + System.getProperty("imh.expected.hibernate-validator",
                "9.")), provider);
        assertTrue(api.contains("jakarta.validation-api-" + System.getProperty("imh.expected.jakarta-validation",
                "3.1.")), api);
    }

    @Test
    void validNhsNumber_onString_acceptsValidAndNull() {
        assertTrue(validator.validate(new Patient("9434765919")).isEmpty());
        assertTrue(validator.validate(new Patient("943 476 5919")).isEmpty());
        assertTrue(validator.validate(new Patient(null)).isEmpty());
    }

    @Test
    void validNhsNumber_onString_rejectsWrongCheckDigit_withReadableMessageWithoutTheValue() {
        ConstraintViolation<Patient> v = only(validator.validate(new Patient(PLANTED_NHS)));
        assertEquals("nhs number must be ten digits with a valid modulus 11 check digit: invalid", v.getMessage());
        assertEquals("nhsNumber", v.getPropertyPath().toString());
        assertClean(v.getMessage());
    }

    @Test
    void validNhsNumber_onCoreNhsNumber_isSupported() {
        assertTrue(validator.validate(new ParsedPatient(NhsNumber.parse("9434765919"))).isEmpty());
        assertTrue(validator.validate(new ParsedPatient(null)).isEmpty());
    }

    @Test
    void validNhsNumber_inOptional_checksTheContent() {
        assertTrue(validator.validate(new MaybePatient(Optional.of("9434765919"))).isEmpty());
        assertTrue(validator.validate(new MaybePatient(Optional.empty())).isEmpty());
        assertClean(only(validator.validate(new MaybePatient(Optional.of(PLANTED_NHS)))).getMessage());
    }

    @Test
    void validPseudonym_rejectsNamesAndNhsNumbers_withoutTheValue() {
        assertTrue(validator.validate(new Person("CG-0042-1")).isEmpty());
        for (String planted : List.of(PLANTED_NAME, "9434765919", "")) {
            ConstraintViolation<Person> v = only(validator.validate(new Person(planted)));
            assertEquals("id must be a pseudonym of 1 to 64 characters from A-Z a-z 0-9 . _ - and not an NHS "
                    + "number: invalid", v.getMessage());
            assertClean(v.getMessage());
        }
        ConstraintViolation<Family> v = only(validator.validate(new Family(List.of("CG-1", PLANTED_NAME))));
        assertEquals("caregiverIds[1].<list element>", v.getPropertyPath().toString());
    }

    @Test
    void knownInstrument_acceptsCatalogueIds_exactly() {
        assertTrue(validator.validate(new Measure("PHQ-9")).isEmpty());
        ConstraintViolation<Measure> v = only(validator.validate(new Measure("phq-9")));
        assertEquals("instrument must be one of the catalogue's instrument ids: unknown", v.getMessage());
        assertClean(only(validator.validate(new Measure(PLANTED_NAME))).getMessage());
    }

    @Test
    void knownInstrument_usesTheHostsCataloguePayload() {
        Catalogue onlyPhq9 = Catalogue.of(List.of(Catalogue.builtIn().get("PHQ-9")));
        Validator narrowed = factory.unwrap(HibernateValidatorFactory.class).usingContext()
                .constraintValidatorPayload(onlyPhq9).getValidator();
        assertTrue(narrowed.validate(new Measure("PHQ-9")).isEmpty());
        assertEquals(1, narrowed.validate(new Measure("GAD-7")).size());
        assertTrue(validator.validate(new Measure("GAD-7")).isEmpty());
    }

    @Test
    void knownCode_checksTheNamedList_andNamesTheList() {
        assertTrue(validator.validate(new Coded("A", "A")).isEmpty() || validator.validate(new Coded("A", null))
                .isEmpty());
        assertTrue(validator.validate(new Coded("99", null)).isEmpty());
        ConstraintViolation<Coded> v = only(validator.validate(new Coded(PLANTED_NAME, null)));
        assertEquals("code must be one of the NHS ethnic category codes: unknown code", v.getMessage());
        assertClean(v.getMessage());
        assertTrue(only(validator.validate(new Coded(null, PLANTED_NHS))).getMessage().startsWith(
                "code must be one of the referral reason codes ["));
    }

    @Test
    void knownCode_everyListName_isKnown() {
        for (String name : List.of(KnownCode.ETHNIC_CATEGORY, KnownCode.REFERRAL_SOURCE, KnownCode.REFERRAL_REASON,
                KnownCode.RISK_FACTOR, KnownCode.ACE, KnownCode.CAREGIVER_RELATIONSHIP, KnownCode.RESPONDENT,
                KnownCode.HOUSEHOLD, KnownCode.DISCHARGE_REASON, KnownCode.TIMEPOINT)) {
            assertTrue(org.imhmeasures.portal.submission.internal.CodeList.byName(name).isPresent(), name);
        }
    }

    @Test
    void knownCode_unknownListName_failsAsADeclarationError() {
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(new Misdeclared(
                "A")));
        String messages = e + " " + e.getCause();
        assertTrue(messages.contains("no_such_list"), messages);
        assertFalse(messages.contains("\"A\""), messages);
    }

    @Test
    void withoutExpressionLanguage_theParameterInterpolatorFindsTheMessagesToo() {
        try (ValidatorFactory noEl = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Validator v = noEl.getValidator();
            assertEquals("nhs number must be ten digits with a valid modulus 11 check digit: invalid", only(v
                    .validate(new Patient(PLANTED_NHS))).getMessage());
            assertEquals("code must be one of the NHS ethnic category codes: unknown code", only(v.validate(
                    new Coded("ZZ", null))).getMessage());
        }
    }

    @Test
    void contributorBundle_hasAMessageForEveryConstraint_inTheHouseStyle() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = PublicConstraintsTest.class.getResourceAsStream(
                "/ContributorValidationMessages.properties")) {
            bundle.load(in);
        }
        for (Class<?> constraint : List.of(ValidNhsNumber.class, ValidPseudonym.class, KnownInstrument.class,
                KnownCode.class)) {
            String message = bundle.getProperty(constraint.getName() + ".message");
            assertTrue(message != null && Character.isLowerCase(message.charAt(0)) && message.contains(" must ")
                    && message.contains(": ") && !message.endsWith(".") && !message.contains("$"), constraint + ": "
                    + message);
        }
    }

    private static <T> ConstraintViolation<T> only(Set<ConstraintViolation<T>> violations) {
        assertEquals(1, violations.size(), violations::toString);
        return violations.iterator().next();
    }

    private static void assertClean(String message) {
        assertFalse(message.contains("{") || message.contains("}"), "raw key: " + message);
        assertFalse(message.contains(PLANTED_NHS) || message.contains("943 476") || message.contains("Planted"),
                "value echoed: " + message);
    }
}
