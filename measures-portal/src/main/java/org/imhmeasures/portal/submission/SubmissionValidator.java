/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.imhmeasures.core.care.CareUnit;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.imhmeasures.core.care.DischargeReason;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.core.care.Episode;
import org.imhmeasures.core.care.EthnicCategory;
import org.imhmeasures.core.care.Household;
import org.imhmeasures.core.care.Infant;
import org.imhmeasures.core.care.InfantDates;
import org.imhmeasures.core.care.InterventionDelivery;
import org.imhmeasures.core.care.NhsNumber;
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.care.ReferralSource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.risk.AdverseChildhoodExperience;
import org.imhmeasures.core.risk.ReferralReason;
import org.imhmeasures.core.risk.RiskProfile;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Timepoint;
import org.imhmeasures.portal.submission.internal.AdministrationDto;
import org.imhmeasures.portal.submission.internal.CaregiverDto;
import org.imhmeasures.portal.submission.internal.EpisodeDto;
import org.imhmeasures.portal.submission.internal.InfantDto;
import org.imhmeasures.portal.submission.internal.InterventionDto;
import org.imhmeasures.portal.submission.internal.MessageInterpolatorAdapter;
import org.imhmeasures.portal.submission.internal.Messages;
import org.imhmeasures.portal.submission.internal.ReferralDto;
import org.imhmeasures.portal.submission.internal.SubmissionDto;
import org.imhmeasures.portal.submission.internal.TreeReader;

/**
 * Validates a portal submission (format {@value #FORMAT}) and scores its administrations: the one entry
 * point for portal backends.
 *
 * <p>Validation runs in three stages and reports every violation of the stage that fails: (1) the
 * document must be at most {@value #MAX_BYTES} bytes of well-formed JSON within the parser limits
 * (nesting depth {@value #MAX_DEPTH}, numbers of at most {@value #MAX_NUMBER_LENGTH} characters,
 * strings of at most {@value #MAX_STRING_LENGTH}), with no duplicate keys or trailing content; (2) every
 * field must be known and of the right JSON type; (3) the Jakarta Validation constraints of the model
 * must hold (required fields, code lists, NHS number check digit, pseudonym shape, answers consistent
 * with the instrument definition, dates in order, eligibility at referral, no duplicate timepoint per
 * instrument, session counts). Stages 2 and 3 are reported together. Hibernate Validator is the
 * provider; messages come from the {@code ValidationMessages} bundle and are interpolated without
 * expression language.
 *
 * <p>Instances are immutable and thread-safe; create one and reuse it. {@link #close()} releases the
 * validator factory.
 *
 * @since 0.1.0
 */
public final class SubmissionValidator implements AutoCloseable {

    /** The format tag a submission carries in {@code format}. */
    public static final String FORMAT = "imh-measures/submission@1";
    /** The largest accepted document, in bytes. */
    public static final int MAX_BYTES = 1_048_576;
    /** The deepest accepted nesting of arrays and objects. */
    public static final int MAX_DEPTH = 16;
    /** The longest accepted number literal, in characters. */
    public static final int MAX_NUMBER_LENGTH = 20;
    /** The longest accepted string, in characters. */
    public static final int MAX_STRING_LENGTH = 10_000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).maxNameLength(200)
                .build());
    }

    private final EligibilityPolicy policy;
    private final Messages messages;
    private final Optional<ResourceBundle> translation;
    private final ValidatorFactory factory;
    private final Validator validator;

    private SubmissionValidator(EligibilityPolicy policy, Optional<ResourceBundle> translation) {
        this.policy = policy;
        this.translation = translation;
        this.messages = Messages.of(translation);
        this.factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new MessageInterpolatorAdapter(messages))
                .constraintValidatorPayload(policy)
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * A validator with the default eligibility policy (conception to the second birthday) and English
     * messages.
     *
     * @return the validator
     */
    public static SubmissionValidator create() {
        return new SubmissionValidator(EligibilityPolicy.defaults(), Optional.empty());
    }

    /**
     * A validator for a service with another age range.
     *
     * @param policy the eligibility policy
     * @return a new validator
     */
    public SubmissionValidator withPolicy(EligibilityPolicy policy) {
        return new SubmissionValidator(Check.notNull(policy, "policy"), translation);
    }

    /**
     * A validator whose messages come from {@code bundle} where it has the key (keys as in the default
     * {@code ValidationMessages.properties}), and from the default bundle otherwise. Codes and paths do
     * not change.
     *
     * @param bundle a translated bundle
     * @return a new validator
     */
    public SubmissionValidator withMessages(ResourceBundle bundle) {
        return new SubmissionValidator(policy, Optional.of(Check.notNull(bundle, "bundle")));
    }

    /**
     * The eligibility policy in force.
     *
     * @return the policy
     */
    public EligibilityPolicy policy() {
        return policy;
    }

    /**
     * Validates and scores a submission given as text.
     *
     * @param json the document
     * @return accepted with scores, or rejected with every violation
     */
    public SubmissionResult validate(String json) {
        return validate(Check.notNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Validates and scores a submission given as UTF-8 bytes.
     *
     * @param json the document
     * @return accepted with scores, or rejected with every violation
     */
    public SubmissionResult validate(byte[] json) {
        Check.notNull(json, "json");
        if (json.length > MAX_BYTES) {
            return reject("", "{imh.json.too_large}", Map.of("max", MAX_BYTES));
        }
        try {
            return validate(new ByteArrayInputStream(json));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream must not fail", e);
        }
    }

    /**
     * Validates and scores a submission read from {@code in}, reading at most {@value #MAX_BYTES} + 1
     * bytes; the stream is not closed.
     *
     * @param in the document
     * @return accepted with scores, or rejected with every violation
     * @throws IOException when the stream cannot be read
     */
    public SubmissionResult validate(InputStream in) throws IOException {
        byte[] bytes = Check.notNull(in, "in").readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return reject("", "{imh.json.too_large}", Map.of("max", MAX_BYTES));
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (StreamConstraintsException e) {
            return reject("", "{imh.json.limits}", Map.of("depth", MAX_DEPTH, "number", MAX_NUMBER_LENGTH,
                    "string", MAX_STRING_LENGTH));
        } catch (JsonProcessingException e) {
            Map<String, Object> where = e.getLocation() == null ? Map.of("line", "?", "column", "?") : Map.of("line",
                    e.getLocation().getLineNr(), "column", e.getLocation().getColumnNr());
            return reject("", "{imh.json.malformed}", where);
        }
        if (root == null || root.isMissingNode()) {
            return reject("", "{imh.json.empty}", Map.of());
        }
        TreeReader reader = new TreeReader();
        SubmissionDto dto = reader.read(root);
        List<Violation> violations = new ArrayList<>();
        for (TreeReader.Problem p : reader.problems()) {
            violations.add(new Violation(p.path(), Messages.code(p.template()), messages.format(p.template(),
                    p.parameters())));
        }
        if (dto != null) {
            for (ConstraintViolation<SubmissionDto> v : validator.validate(dto)) {
                String path = path(v.getPropertyPath());
                String code = Messages.code(v.getMessageTemplate());
                if (suppressed(reader, path, code)) {
                    continue;
                }
                violations.add(new Violation(path, code, v.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::code));
            return new SubmissionResult.Rejected(violations);
        }
        return accept(dto);
    }

    private static boolean suppressed(TreeReader reader, String path, String code) {
        // a field with a type error was read as null: do not report it again as required, invalid, ...
        return reader.hasProblemAt(path) || code.equals("required") && reader.problems().stream().anyMatch(p -> p
                .path().startsWith(path + ".") || p.path().startsWith(path + "["));
    }

    private SubmissionResult reject(String path, String template, Map<String, ?> parameters) {
        return new SubmissionResult.Rejected(List.of(new Violation(path, Messages.code(template), messages.format(
                template, parameters))));
    }

    /** HV property path to JSON path: {@code administrations[0].date}, {@code referral.riskFactors[2]}. */
    static String path(Path propertyPath) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append(".<key>");
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<") || name != null && name.startsWith("<key#")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.toString();
    }

    private SubmissionResult accept(SubmissionDto dto) {
        RiskTaxonomy taxonomy = RiskTaxonomy.builtIn();
        InfantDto i = dto.infant();
        InfantDates dates = i.dateOfBirth() != null ? InfantDates.born(i.dateOfBirth())
                : InfantDates.expected(i.expectedDate());
        Infant infant = new Infant(PseudonymousId.of(i.id()), Optional.ofNullable(i.nhsNumber()).map(NhsNumber::parse),
                dates);
        List<Caregiver> caregivers = new ArrayList<>();
        for (CaregiverDto c : dto.caregivers()) {
            caregivers.add(new Caregiver(PseudonymousId.of(c.id()), enumOf(CaregiverRelationship.class,
                    c.relationship())));
        }
        ReferralDto r = dto.referral();
        List<ReferralReason> reasons = new ArrayList<>();
        for (String code : orEmpty(r.reasons())) {
            ReferralReason reason = taxonomy.referralReason(code).orElseThrow();
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        Set<AdverseChildhoodExperience> aces = EnumSet.noneOf(AdverseChildhoodExperience.class);
        orEmpty(r.parentAces()).forEach(a -> aces.add(enumOf(AdverseChildhoodExperience.class, a)));
        Referral referral = new Referral(PseudonymousId.of(r.id()), new CareUnit(infant, caregivers), r.date(),
                ReferralSource.fromCode(r.source()).orElseThrow(), reasons, RiskProfile.of(taxonomy, orEmpty(r
                        .riskFactors())).withParentAces(aces), r.parentAge() == null ? OptionalInt.empty()
                        : OptionalInt.of(r.parentAge()), enumOf(Household.class, r.household()), EthnicCategory.fromCode(r
                                .ethnicCategory()).orElseThrow());
        Optional<Episode> episode = Optional.ofNullable(dto.episode()).map(SubmissionValidator::episode);
        List<Administration> administrations = new ArrayList<>();
        List<ScoreResult> scores = new ArrayList<>();
        for (AdministrationDto a : dto.administrations()) {
            Scorer scorer = Scorer.of(Catalogue.builtIn().get(a.instrument()));
            Administration administration = Administration.of(scorer.instrument().id(), a.answers()).withDate(a.date())
                    .withTimepoint(enumOf(Timepoint.class, a.timepoint()));
            if (a.respondent() != null) {
                administration = administration.withRespondent(a.respondent().replace('_', ' '));
            }
            administrations.add(administration);
            scores.add(scorer.score(administration));
        }
        return new SubmissionResult.Accepted(new Submission(PseudonymousId.of(dto.team()), referral, episode,
                administrations), scores);
    }

    private static Episode episode(EpisodeDto e) {
        List<InterventionDelivery> interventions = new ArrayList<>();
        for (InterventionDto i : orEmpty(e.interventions())) {
            interventions.add(new InterventionDelivery(i.intervention(), i.sessionsOffered(), i.sessionsAttended(), i
                    .sessionsNotAttended()));
        }
        return new Episode(PseudonymousId.of(e.id()), e.start(), Optional.ofNullable(e.end()), interventions,
                Optional.ofNullable(e.dischargeReason()).map(d -> enumOf(DischargeReason.class, d)));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String lowerCase) {
        return Enum.valueOf(type, lowerCase.toUpperCase(Locale.ROOT));
    }

    @Override
    public void close() {
        factory.close();
    }

    @Override
    public String toString() {
        return "SubmissionValidator[upperAge=" + policy.upperAge() + "]";
    }
}
