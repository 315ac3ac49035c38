/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.hibernate.validator.HibernateValidatorFactory;
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
import org.imhmeasures.core.internal.Json;
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
import org.imhmeasures.portal.submission.internal.SubmissionContext;
import org.imhmeasures.portal.submission.internal.SubmissionDto;
import org.imhmeasures.portal.submission.internal.TraverseAll;
import org.imhmeasures.portal.submission.internal.TreeReader;

/**
 * Validates a portal submission (format {@value #FORMAT}) and scores its administrations: the one entry
 * point for portal backends.
 *
 * <p>Validation runs in three stages and reports every violation of the stage that fails: (1) the
 * document must be within the {@link SubmissionLimits} (by default at most {@value #MAX_BYTES} bytes of
 * well-formed JSON, nesting depth {@value #MAX_DEPTH}, numbers of at most {@value #MAX_NUMBER_LENGTH}
 * characters, strings of at most {@value #MAX_STRING_LENGTH}), with no duplicate keys or trailing content;
 * (2) every field must be known and of the right JSON type; (3) the Jakarta Validation constraints of the
 * model must hold (required fields, code lists, NHS number check digit, pseudonym shape, answers consistent
 * with the instrument definition, dates in order, eligibility at referral, no duplicate timepoint per
 * instrument, session counts). Stages 2 and 3 are reported together. Hibernate Validator is the
 * provider; messages come from the {@code ValidationMessages} bundle and are interpolated without
 * expression language.
 *
 * <p>Instruments, referral reasons and risk factors come from the {@link Catalogue} and
 * {@link RiskTaxonomy} given to the {@link Builder} (the built-in ones by default), so a service can accept
 * its own instruments. Each administration is scored once, by a scorer built once per instrument and
 * reused.
 *
 * <p>The validator's Hibernate Validator set-up is its own: a host application's
 * {@code META-INF/validation.xml} (for example {@code hibernate.validator.fail_fast}, which would cut the
 * violations reported to one), its JPA traversable resolver and its default message interpolator are not
 * used.
 *
 * <p>Instances are immutable and thread-safe: build one, share it between threads and close it when done.
 * {@link #close()} releases the Jakarta Validation factory the validator owns; a closed validator must not
 * be used.
 *
 * @since 0.1.0
 */
public final class SubmissionValidator implements AutoCloseable {

    /** The format tag a submission carries in {@code format}. */
    public static final String FORMAT = "imh-measures/submission@1";
    /** The default largest accepted document, in bytes (see {@link SubmissionLimits}). */
    public static final int MAX_BYTES = 1_048_576;
    /** The default deepest accepted nesting of arrays and objects (see {@link SubmissionLimits}). */
    public static final int MAX_DEPTH = 16;
    /** The default longest accepted number literal, in characters (see {@link SubmissionLimits}). */
    public static final int MAX_NUMBER_LENGTH = 20;
    /** The default longest accepted string, in characters (see {@link SubmissionLimits}). */
    public static final int MAX_STRING_LENGTH = 10_000;

    /** The longest accepted field name: every name of the format is short. */
    private static final int MAX_NAME_LENGTH = 200;

    private final SubmissionContext context;
    private final SubmissionLimits limits;
    private final Messages messages;
    private final ObjectMapper json;
    private final ValidatorFactory factory;
    private volatile boolean closed;

    private SubmissionValidator(Builder builder) {
        this.context = new SubmissionContext(builder.policy, builder.catalogue, builder.taxonomy, builder.onScore);
        this.limits = builder.limits;
        this.messages = Messages.of(builder.translation);
        this.json = Json.reader(Json.limits(limits.maxDepth(), limits.maxNumberLength(), limits.maxStringLength(),
                MAX_NAME_LENGTH)).build();
        this.factory = Validation.byProvider(HibernateValidator.class).configure()
                // the host's META-INF/validation.xml (fail-fast, other providers' settings) is not ours to read
                .ignoreXmlConfiguration()
                .failFast(false)
                .traversableResolver(new TraverseAll())
                .messageInterpolator(new MessageInterpolatorAdapter(messages))
                .buildValidatorFactory();
    }

    /**
     * A validator with the defaults: the built-in catalogue and risk taxonomy, the default eligibility policy
     * (conception to the second birthday), the default limits and English messages. The same as
     * {@code builder().build()}.
     *
     * @return a new validator, to be closed
     */
    public static SubmissionValidator create() {
        return builder().build();
    }

    /**
     * A builder, set to the defaults of {@link #create()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link SubmissionValidator}s. Not thread-safe; each {@link #build()} makes a new validator with
     * its own validator factory, to be closed.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private Catalogue catalogue = Catalogue.builtIn();
        private RiskTaxonomy taxonomy = RiskTaxonomy.builtIn();
        private EligibilityPolicy policy = EligibilityPolicy.defaults();
        private Optional<ResourceBundle> translation = Optional.empty();
        private SubmissionLimits limits = SubmissionLimits.defaults();
        private Runnable onScore = () -> { };

        private Builder() {
        }

        /**
         * The instruments a submission may use (default {@link Catalogue#builtIn()}).
         *
         * @param catalogue the catalogue, e.g. the built-in one with a service's own instruments added
         * @return this builder
         */
        public Builder catalogue(Catalogue catalogue) {
            this.catalogue = Check.notNull(catalogue, "catalogue");
            return this;
        }

        /**
         * The referral reasons and risk factors a submission may use (default {@link RiskTaxonomy#builtIn()}).
         *
         * @param taxonomy the taxonomy
         * @return this builder
         */
        public Builder riskTaxonomy(RiskTaxonomy taxonomy) {
            this.taxonomy = Check.notNull(taxonomy, "taxonomy");
            return this;
        }

        /**
         * The service's age range (default {@link EligibilityPolicy#defaults()}, conception to the second
         * birthday).
         *
         * @param policy the eligibility policy
         * @return this builder
         */
        public Builder policy(EligibilityPolicy policy) {
            this.policy = Check.notNull(policy, "policy");
            return this;
        }

        /**
         * Messages from {@code bundle} where it has the key (keys as in the default
         * {@code ValidationMessages.properties}), and from the default bundle otherwise. Codes and paths do
         * not change.
         *
         * @param bundle a translated bundle
         * @return this builder
         */
        public Builder messages(ResourceBundle bundle) {
            this.translation = Optional.of(Check.notNull(bundle, "bundle"));
            return this;
        }

        /**
         * The size and parser limits (default {@link SubmissionLimits#defaults()}).
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(SubmissionLimits limits) {
            this.limits = Check.notNull(limits, "limits");
            return this;
        }

        /** Test seam: runs {@code hook} each time an administration is scored. */
        Builder onScore(Runnable hook) {
            this.onScore = Check.notNull(hook, "hook");
            return this;
        }

        /**
         * A new validator with these settings.
         *
         * @return the validator, to be closed
         */
        public SubmissionValidator build() {
            return new SubmissionValidator(this);
        }
    }

    /**
     * The eligibility policy in force.
     *
     * @return the policy
     */
    public EligibilityPolicy policy() {
        return context.policy();
    }

    /**
     * The instruments submissions may use.
     *
     * @return the catalogue
     */
    public Catalogue catalogue() {
        return context.catalogue();
    }

    /**
     * The referral reasons and risk factors submissions may use.
     *
     * @return the taxonomy
     */
    public RiskTaxonomy riskTaxonomy() {
        return context.taxonomy();
    }

    /**
     * The size and parser limits in force.
     *
     * @return the limits
     */
    public SubmissionLimits limits() {
        return limits;
    }

    /** The cached scorer of an instrument (tests check it is built once). */
    Optional<Scorer> scorer(String instrumentId) {
        return context.scorer(instrumentId);
    }

    /**
     * Validates and scores a submission given as text.
     *
     * @param json the document
     * @return accepted with scores, or rejected with every violation
     * @throws IllegalStateException when the validator is closed
     */
    public SubmissionResult validate(String json) {
        return validate(Check.notNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Validates and scores a submission given as UTF-8 bytes.
     *
     * @param json the document
     * @return accepted with scores, or rejected with every violation
     * @throws IllegalStateException when the validator is closed
     */
    public SubmissionResult validate(byte[] json) {
        Check.notNull(json, "json");
        ensureOpen();
        if (json.length > limits.maxBytes()) {
            return reject("", "{imh.json.too_large}", Map.of("max", limits.maxBytes()));
        }
        try {
            return validate(new ByteArrayInputStream(json));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream must not fail", e);
        }
    }

    /**
     * Validates and scores a submission read from {@code in}, reading at most one byte more than the
     * limit ({@value #MAX_BYTES} + 1 by default); the stream is not closed.
     *
     * @param in the document
     * @return accepted with scores, or rejected with every violation
     * @throws IOException when the stream cannot be read
     * @throws IllegalStateException when the validator is closed
     */
    public SubmissionResult validate(InputStream in) throws IOException {
        Check.notNull(in, "in");
        ensureOpen();
        byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
        if (bytes.length > limits.maxBytes()) {
            return reject("", "{imh.json.too_large}", Map.of("max", limits.maxBytes()));
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (StreamConstraintsException e) {
            return reject("", "{imh.json.limits}", Map.of("depth", limits.maxDepth(), "number", limits
                    .maxNumberLength(), "string", limits.maxStringLength()));
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
        SubmissionContext.Call call = context.newCall();
        if (dto != null) {
            // one Validator per call carries the call (its scores) to the constraint validators
            Validator validator = factory.unwrap(HibernateValidatorFactory.class).usingContext()
                    .constraintValidatorPayload(call).getValidator();
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
        return accept(dto, call);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("validator must be open: closed");
        }
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

    private SubmissionResult accept(SubmissionDto dto, SubmissionContext.Call call) {
        RiskTaxonomy taxonomy = context.taxonomy();
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
            // the instrument is known (else rejected), so the score is the one the answer check computed
            ScoreResult score = call.score(a).orElseThrow();
            String instrumentId = context.catalogue().get(a.instrument()).id();
            Administration administration = Administration.of(instrumentId, a.answers()).withDate(a.date())
                    .withTimepoint(enumOf(Timepoint.class, a.timepoint()));
            if (a.respondent() != null) {
                administration = administration.withRespondent(a.respondent().replace('_', ' '));
            }
            administrations.add(administration);
            scores.add(score);
        }
        return new SubmissionResult.Accepted(new Submission(TeamName.of(dto.team()), referral, episode,
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

    /** Releases the validator factory; idempotent. A closed validator refuses to validate. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            factory.close();
        }
    }

    @Override
    public String toString() {
        return "SubmissionValidator[upperAge=" + context.policy().upperAge() + ", instruments="
                + context.catalogue().instruments().size() + ", taxonomy=" + context.taxonomy().version() + "]";
    }
}
