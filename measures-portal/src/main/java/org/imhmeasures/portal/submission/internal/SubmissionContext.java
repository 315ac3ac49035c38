/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.ConstraintValidatorContext;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;

/**
 * What one submission validator checks against: the eligibility policy, the catalogue, the risk taxonomy,
 * and one cached {@link Scorer} per instrument (scorers are immutable, so the cache is shared by every
 * thread). Not API.
 *
 * <p>Each validation opens a {@link Call}, handed to the constraint validators as Hibernate Validator's
 * constraint-validator payload: it scores each administration at most once, whether the answer check or
 * the accepted result asks first.
 */
public final class SubmissionContext {

    private static final SubmissionContext BUILT_IN = new SubmissionContext(EligibilityPolicy.defaults(),
            Catalogue.builtIn(), RiskTaxonomy.builtIn(), () -> { });

    private final EligibilityPolicy policy;
    private final Catalogue catalogue;
    private final RiskTaxonomy taxonomy;
    private final Runnable onScore;
    private final ConcurrentMap<String, Scorer> scorers = new ConcurrentHashMap<>();

    /**
     * Creates a context.
     *
     * @param policy the eligibility policy
     * @param catalogue the instruments a submission may use
     * @param taxonomy the risk taxonomy of referral reasons and risk factors
     * @param onScore run each time an administration is scored (a test seam; a no-op otherwise)
     */
    public SubmissionContext(EligibilityPolicy policy, Catalogue catalogue, RiskTaxonomy taxonomy, Runnable onScore) {
        this.policy = Check.notNull(policy, "policy");
        this.catalogue = Check.notNull(catalogue, "catalogue");
        this.taxonomy = Check.notNull(taxonomy, "taxonomy");
        this.onScore = Check.notNull(onScore, "onScore");
    }

    /**
     * The call of the validation under way, or a call against the built-in defaults when the constraint
     * runs outside a submission validator.
     *
     * @param context the constraint validator context
     * @return the call
     */
    public static Call of(ConstraintValidatorContext context) {
        Call call = context.unwrap(HibernateConstraintValidatorContext.class).getConstraintValidatorPayload(
                Call.class);
        return call != null ? call : BUILT_IN.newCall();
    }

    /**
     * The eligibility policy.
     *
     * @return the policy
     */
    public EligibilityPolicy policy() {
        return policy;
    }

    /**
     * The catalogue.
     *
     * @return the catalogue
     */
    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * The risk taxonomy.
     *
     * @return the taxonomy
     */
    public RiskTaxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * The scorer of an instrument of the catalogue, built once and then reused.
     *
     * @param instrumentId the instrument id, exact
     * @return the scorer, or empty when the catalogue has no such instrument
     */
    public Optional<Scorer> scorer(String instrumentId) {
        return catalogue.find(instrumentId).map(i -> scorers.computeIfAbsent(i.id(), id -> Scorer.of(i)));
    }

    /**
     * Opens the call of one validation.
     *
     * @return a new call
     */
    public Call newCall() {
        return new Call(this);
    }

    /** One validation: its scores, each computed once. Confined to the validating thread. */
    public static final class Call {

        private final SubmissionContext context;
        private final Map<AdministrationDto, ScoreResult> scores = new IdentityHashMap<>();

        private Call(SubmissionContext context) {
            this.context = context;
        }

        /**
         * The validator's context.
         *
         * @return the context
         */
        public SubmissionContext context() {
            return context;
        }

        /**
         * The score of an administration's answers (they alone decide it: date, timepoint and respondent do
         * not), computed on first request and then remembered for this call.
         *
         * @param administration an administration with an instrument id and answers
         * @return the score, or empty when the catalogue has no such instrument
         */
        public Optional<ScoreResult> score(AdministrationDto administration) {
            ScoreResult known = scores.get(administration);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<Scorer> scorer = context.scorer(administration.instrument());
            if (scorer.isEmpty()) {
                return Optional.empty();
            }
            context.onScore.run();
            ScoreResult result = scorer.get().score(Administration.of(scorer.get().instrument().id(),
                    administration.answers()));
            scores.put(administration, result);
            return Optional.of(result);
        }
    }
}
