/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Norm;
import org.imhmeasures.core.instrument.ReliableChange;
import org.imhmeasures.core.instrument.ScoreRange;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.ChangeResult.NotAssessable;
import org.imhmeasures.scoring.change.ChangeResult.Reason;
import org.imhmeasures.scoring.internal.Vocabulary;

/**
 * The parameters a {@link ChangeModel} uses, and where each came from. Reported with every cohort
 * summary and change Observation so a result can be reproduced. Only a change model creates them: this
 * class is the one place where published and sample parameters are resolved.
 *
 * <h2>Resolution</h2>
 * <ul>
 *   <li>Fixed threshold: the instrument's published {@link ReliableChange.FixedThreshold}.</li>
 *   <li>Reliability: the caller's ({@link ChangeOptions#reliability()}), else the published
 *       {@link ReliableChange.FromReliability}; the post reliability defaults to it.</li>
 *   <li>{@link ParameterSource#SAMPLE}: SD, means, post SD and correlation from the sample's paired totals
 *       (at least 2 pairs and pre-score variance; Hageman–Arrindell also needs post-score variance).</li>
 *   <li>{@link ParameterSource#PUBLISHED}: SD and mean of the published clinical (dysfunctional) norm, or
 *       for methods that need no reference mean the SD published with the reliability. Methods that need
 *       post statistics refuse published parameters.</li>
 *   <li>Clinical significance: the dysfunctional reference is the sample's pre scores under
 *       {@link ParameterSource#SAMPLE}, else the clinical norm; the functional reference is the published
 *       non-clinical norm. {@link SignificanceCriterion#AUTO} picks Jacobson–Truax c when both references
 *       exist and the method computes an index, else caseness. Formulas: see {@link ChangeModel}.</li>
 *   <li>{@link RciMethod#HAGEMAN_ARRINDELL}: the true-score cut-off a_true or c_true ({@link TrueScore}; AUTO
 *       picks c_true with a functional reference, else a_true); criterion b, caseness and a supplied cut-off
 *       make the model unusable ({@link Reason#UNSUPPORTED_COMBINATION}), as does a post SD not above the
 *       SEM or r_DD outside (0, 1] ({@link Reason#DEGENERATE_SAMPLE}).</li>
 *   <li>{@link RciMethod#ANCHOR_BASED} and {@link RciMethod#PERCENTAGE_CHANGE}: the caller's minimal important
 *       differences or percentages, always; no definition publishes them, so without them the model is
 *       unusable ({@link Reason#NO_MINIMAL_IMPORTANT_DIFFERENCE}, {@link Reason#NO_PERCENTAGE_THRESHOLDS}).</li>
 * </ul>
 * A parameter that is missing makes the model unusable with a typed {@link Reason}; it is never guessed.
 *
 * <p>Two parameter sets are equal when every value and source text is equal.
 *
 * @since 0.1.0
 */
public final class ChangeParameters {

    private final String instrumentId;
    private final String definitionVersion;
    private final RciMethod method;
    private final ParameterSource source;
    private final Direction direction;
    private final OptionalDouble threshold;
    private final OptionalDouble sd;
    private final OptionalDouble reliability;
    private final OptionalDouble reliabilityPost;
    private final OptionalDouble meanPre;
    private final OptionalDouble meanPost;
    private final OptionalDouble sdPost;
    private final OptionalDouble correlation;
    private final OptionalDouble criticalValue;
    private final Optional<FunctionalCutoff> cutoff;
    private final Optional<ChangeOptions.MinimalImportantDifference> minimalImportantDifference;
    private final Optional<ChangeOptions.PercentageChange> percentageChange;
    private final Optional<TrueScore> trueScore;
    private final List<String> sources;
    private final List<String> suppliedByCaller;

    private ChangeParameters(Resolver r) {
        this.suppliedByCaller = List.copyOf(r.supplied);
        this.instrumentId = r.instrument.id();
        this.definitionVersion = r.instrument.definitionVersion();
        this.method = r.options.method();
        this.source = r.options.parameters();
        this.direction = r.instrument.direction();
        this.threshold = r.threshold;
        this.sd = r.sd;
        this.reliability = r.reliability;
        this.reliabilityPost = r.reliabilityPost;
        this.meanPre = r.meanPre;
        this.meanPost = r.meanPost;
        this.sdPost = r.sdPost;
        this.correlation = r.correlation;
        this.criticalValue = r.critical;
        this.cutoff = r.cutoff;
        this.minimalImportantDifference = r.minimalImportantDifference;
        this.percentageChange = r.percentageChange;
        this.trueScore = r.trueScore;
        this.sources = List.copyOf(r.sources);
    }

    /**
     * What resolving gives a change model.
     *
     * @param parameters the parameters found, possibly incomplete when {@code unusable} is present
     * @param range the range of the score whose change is assessed
     * @param unusable why no pair can be assessed, if none can
     */
    /**
     * The Hageman &amp; Arrindell (1999) true-score quantities behind {@link RciMethod#HAGEMAN_ARRINDELL}'s
     * clinical significance. With SEM = SD_dys·√(1 − r) and, for any group g, r_g = (SD_g² − SEM²) / SD_g²:
     * <ul>
     *   <li>a_true = M_dys + d·2·SD_dys·√r_dys; c_true = (SD_dys·√r_dys·M_func + SD_func·√r_func·M_dys) /
     *       (SD_dys·√r_dys + SD_func·√r_func) — the Jacobson–Truax cut-offs with each SD replaced by the SD of
     *       the true scores;</li>
     *   <li>CS_indiv = (M_post + (post − M_post)·r_post − cut-off) / (√r_post·SEM), the post score's
     *       true-score estimate against the cut-off, in standard errors.</li>
     * </ul>
     * d = +1 when higher is better, −1 otherwise. Sources: Hageman &amp; Arrindell (1999), Behav Res Ther
     * 37:1169–1193; the formulas as clinicalsignificance 3.0.0 implements them ({@code R/calc_cutoff.R},
     * {@code calc_cutoff_from_data.cs_ha} and {@code .calc_cutoff_ha}).
     *
     * @param sem the standard error of measurement SD_dys·√(1 − r)
     * @param reliabilityPost r_post, the reliability of the post scores, in (0, 1]
     * @param meanPost M_post, the sample's post mean
     * @param reliabilityOfDifference r_DD of the sample's difference scores, in (0, 1]
     * @since 0.1.0
     */
    public record TrueScore(double sem, double reliabilityPost, double meanPost, double reliabilityOfDifference) {

        /**
         * Validates.
         *
         * @param sem the standard error of measurement, greater than 0
         * @param reliabilityPost r_post, in (0, 1]
         * @param meanPost M_post, finite
         * @param reliabilityOfDifference r_DD, in (0, 1]
         */
        public TrueScore {
            Check.argument(Double.isFinite(sem) && sem > 0,
                    "SEM must be greater than 0: %s", sem);
            Check.argument(reliabilityPost > 0 && reliabilityPost <= 1,
                    "post reliability must lie in (0, 1]: %s", reliabilityPost);
            Check.argument(Double.isFinite(meanPost), "post mean must be finite: %s",
                    meanPost);
            Check.argument(reliabilityOfDifference > 0 && reliabilityOfDifference <= 1,
                    "reliability of the difference must lie in (0, 1]: %s", reliabilityOfDifference);
        }

        /**
         * CS_indiv for a post score and a true-score cut-off.
         *
         * @param post the post score
         * @param cutoff the true-score cut-off
         * @return the index
         */
        public double clinicalSignificanceIndex(double post, double cutoff) {
            return (meanPost + (post - meanPost) * reliabilityPost - cutoff) / (Math.sqrt(reliabilityPost) * sem);
        }
    }

    record Resolution(ChangeParameters parameters, ScoreRange range, Optional<NotAssessable> unusable) {
    }

    /** A reference sample's mean and SD, for the Jacobson–Truax cut-offs. */
    private record Reference(double mean, double sd) {
    }

    /** Resolves every parameter of {@code options} for {@code instrument}; see the class documentation. */
    /** The one-line refusal of change for an answers-only instrument, shared by the model and its callers. */
    static final String ANSWERS_ONLY_MESSAGE = "score of %s must exist for change: it records answers only and has "
            + "no score to compare";

    static Resolution resolve(Instrument instrument, ChangeOptions options, Optional<SampleStatistics> sample) {
        Resolver r = new Resolver(instrument, options, sample);
        return new Resolution(new ChangeParameters(r), r.range, Optional.ofNullable(r.problem));
    }

    /**
     * The instrument.
     *
     * @return its id
     */
    public String instrumentId() {
        return instrumentId;
    }

    /**
     * The instrument's definition version.
     *
     * @return the version
     */
    public String definitionVersion() {
        return definitionVersion;
    }

    /**
     * The reliable-change method.
     *
     * @return the method
     */
    public RciMethod method() {
        return method;
    }

    /**
     * Published norms or sample estimates.
     *
     * @return the source
     */
    public ParameterSource source() {
        return source;
    }

    /**
     * Which way is better.
     *
     * @return the instrument's direction
     */
    public Direction direction() {
        return direction;
    }

    /**
     * The fixed threshold, for {@link RciMethod#FIXED_THRESHOLD}.
     *
     * @return the threshold in score points, or empty
     */
    public OptionalDouble threshold() {
        return threshold;
    }

    /**
     * The reference SD (pre scores or clinical norm).
     *
     * @return the SD, or empty
     */
    public OptionalDouble sd() {
        return sd;
    }

    /**
     * The reliability used.
     *
     * @return the reliability, or empty
     */
    public OptionalDouble reliability() {
        return reliability;
    }

    /**
     * The post reliability (Nunnally–Kotsch).
     *
     * @return the post reliability, or empty
     */
    public OptionalDouble reliabilityPost() {
        return reliabilityPost;
    }

    /**
     * The reference mean (pre scores or clinical norm).
     *
     * @return the mean, or empty
     */
    public OptionalDouble meanPre() {
        return meanPre;
    }

    /**
     * The sample post mean.
     *
     * @return the mean, or empty
     */
    public OptionalDouble meanPost() {
        return meanPost;
    }

    /**
     * The sample post SD.
     *
     * @return the SD, or empty
     */
    public OptionalDouble sdPost() {
        return sdPost;
    }

    /**
     * The sample pre–post correlation.
     *
     * @return the Pearson correlation, or empty
     */
    public OptionalDouble correlation() {
        return correlation;
    }

    /**
     * The critical value the RCI is compared with.
     *
     * @return the critical value; empty for fixed thresholds
     */
    public OptionalDouble criticalValue() {
        return criticalValue;
    }

    /**
     * The functional cut-off for clinical significance.
     *
     * @return the cut-off, or empty when none is available
     */
    public Optional<FunctionalCutoff> cutoff() {
        return cutoff;
    }

    /**
     * The caller's minimal important differences, for {@link RciMethod#ANCHOR_BASED}.
     *
     * @return the differences, or empty for other methods
     * @since 0.1.0
     */
    public Optional<ChangeOptions.MinimalImportantDifference> minimalImportantDifference() {
        return minimalImportantDifference;
    }

    /**
     * The caller's percentage-change thresholds, for {@link RciMethod#PERCENTAGE_CHANGE}.
     *
     * @return the thresholds, or empty for other methods
     * @since 0.1.0
     */
    public Optional<ChangeOptions.PercentageChange> percentageChange() {
        return percentageChange;
    }

    /**
     * The Hageman–Arrindell true-score quantities, when the method is {@link RciMethod#HAGEMAN_ARRINDELL} and a
     * true-score cut-off is in use ({@link #cutoff()} then holds that cut-off).
     *
     * @return the quantities, or empty
     * @since 0.1.0
     */
    public Optional<TrueScore> trueScore() {
        return trueScore;
    }

    /**
     * The parameters the caller supplied rather than the definition (or the sample): any of
     * {@code threshold}, {@code alpha}, {@code reliability}, {@code reliabilityPost}, {@code clinicalNorm},
     * {@code functionalNorm}, {@code cutoff}, {@code midImprovement}, {@code midDeterioration},
     * {@code pctImprovement}, {@code pctDeterioration}; every other parameter came from the definition or the sample,
     * as {@link #sources()} says.
     *
     * @return names, in resolution order; empty when everything came from the definition
     * @since 0.1.0
     */
    public List<String> suppliedByCaller() {
        return suppliedByCaller;
    }

    /**
     * Where each value came from, in words: a citation from the definition, the sample, or "supplied by
     * the caller".
     *
     * @return the sources, in resolution order
     */
    public List<String> sources() {
        return sources;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChangeParameters p && instrumentId.equals(p.instrumentId)
                && definitionVersion.equals(p.definitionVersion) && method == p.method && source == p.source
                && direction == p.direction && threshold.equals(p.threshold) && sd.equals(p.sd)
                && reliability.equals(p.reliability) && reliabilityPost.equals(p.reliabilityPost)
                && meanPre.equals(p.meanPre) && meanPost.equals(p.meanPost) && sdPost.equals(p.sdPost)
                && correlation.equals(p.correlation) && criticalValue.equals(p.criticalValue)
                && cutoff.equals(p.cutoff) && minimalImportantDifference.equals(p.minimalImportantDifference)
                && percentageChange.equals(p.percentageChange) && trueScore.equals(p.trueScore)
                && sources.equals(p.sources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instrumentId, definitionVersion, method, source, direction, threshold, sd, reliability,
                reliabilityPost, meanPre, meanPost, sdPost, correlation, criticalValue, cutoff, minimalImportantDifference,
                percentageChange, trueScore, sources);
    }

    @Override
    public String toString() {
        return "ChangeParameters[" + instrumentId + " " + definitionVersion + ", " + method + ", " + source
                + ", threshold=" + threshold + ", sd=" + sd + ", reliability=" + reliability + ", reliabilityPost="
                + reliabilityPost + ", meanPre=" + meanPre + ", meanPost=" + meanPost + ", sdPost=" + sdPost
                + ", correlation=" + correlation + ", criticalValue=" + criticalValue + ", cutoff=" + cutoff
                + minimalImportantDifference.map(m -> ", mid=" + m).orElse("")
                + percentageChange.map(m -> ", percentage=" + m).orElse("") + trueScore.map(t -> ", " + t).orElse("")
                + "]";
    }

    /** A number for a source text: plain notation without trailing zeros. */
    static String stripZeros(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Resolves parameters once, in order, recording the first problem. */
    private static final class Resolver {
        final Instrument instrument;
        final ChangeOptions options;
        final Optional<SampleStatistics> sample;
        final List<String> sources = new ArrayList<>();
        final List<String> supplied = new ArrayList<>();
        ScoreRange range;
        NotAssessable problem;
        OptionalDouble threshold = OptionalDouble.empty();
        OptionalDouble sd = OptionalDouble.empty();
        OptionalDouble reliability = OptionalDouble.empty();
        OptionalDouble reliabilityPost = OptionalDouble.empty();
        OptionalDouble meanPre = OptionalDouble.empty();
        OptionalDouble meanPost = OptionalDouble.empty();
        OptionalDouble sdPost = OptionalDouble.empty();
        OptionalDouble correlation = OptionalDouble.empty();
        OptionalDouble critical = OptionalDouble.empty();
        Optional<FunctionalCutoff> cutoff = Optional.empty();
        Optional<ChangeOptions.MinimalImportantDifference> minimalImportantDifference = Optional.empty();
        Optional<ChangeOptions.PercentageChange> percentageChange = Optional.empty();
        Optional<TrueScore> trueScore = Optional.empty();

        Resolver(Instrument instrument, ChangeOptions options, Optional<SampleStatistics> sample) {
            this.instrument = instrument;
            this.options = options;
            this.sample = sample;
            resolveRange();
            if (problem == null) {
                resolveReliableChange();
            }
            if (problem == null) {
                resolveCutoff();
            }
        }

        private void fail(Reason reason, String message) {
            if (problem == null) {
                problem = new NotAssessable(reason, message);
            }
        }

        private void resolveRange() {
            if (!instrument.scored()) {
                range = ScoreRange.of(0, 0);
                fail(Reason.ANSWERS_ONLY, ANSWERS_ONLY_MESSAGE.formatted(instrument.id()));
                return;
            }
            Optional<ScoreRange> changeRange = ChangeModel.changeRange(instrument);
            if (changeRange.isPresent()) {
                range = changeRange.get();
                if (instrument.totalRange().isEmpty()) {
                    sources.add("per-goal change: each goal's rating " + range);
                }
            } else {
                range = ScoreRange.of(0, 0);
                fail(Reason.NO_TOTAL, "total of " + instrument.id() + " must exist for change: the instrument reports "
                        + "subscales only");
            }
        }

        private Optional<Norm> norm(Norm.Role role) {
            return instrument.norms().stream().filter(n -> n.role() == role).findFirst();
        }

        private Optional<ReliableChange.FromReliability> fromReliability() {
            return instrument.reliableChange().stream().filter(ReliableChange.FromReliability.class::isInstance)
                    .map(ReliableChange.FromReliability.class::cast).findFirst();
        }

        /** The sample, when it can serve as a reference: at least 2 pairs and pre-score variance. */
        private Optional<SampleStatistics> usableSample() {
            return sample.filter(s -> s.n() >= 2 && s.sdPre() > 0);
        }

        private void resolveReliableChange() {
            RciMethod method = options.method();
            if (method == RciMethod.ANCHOR_BASED) {
                if (options.minimalImportantDifference().isEmpty()) {
                    fail(Reason.NO_MINIMAL_IMPORTANT_DIFFERENCE, "minimal important differences for improvement "
                            + "and deterioration of " + instrument.id() + " must be supplied: the definition "
                            + "publishes none");
                    return;
                }
                minimalImportantDifference = options.minimalImportantDifference();
                supplied.add("midImprovement");
                supplied.add("midDeterioration");
                sources.add("minimal important difference: improvement " + stripZeros(minimalImportantDifference
                        .get().improvement()) + ", deterioration " + stripZeros(minimalImportantDifference.get()
                        .deterioration()) + " points, supplied by the caller (anchor-based)");
                return;
            }
            if (method == RciMethod.PERCENTAGE_CHANGE) {
                if (options.percentageChange().isEmpty()) {
                    fail(Reason.NO_PERCENTAGE_THRESHOLDS, "percentage change thresholds for improvement and "
                            + "deterioration of " + instrument.id() + " must be supplied: the definition publishes none");
                    return;
                }
                percentageChange = options.percentageChange();
                supplied.add("pctImprovement");
                supplied.add("pctDeterioration");
                sources.add("percentage change: improvement " + stripZeros(percentageChange.get().improvement() * 100)
                        + "%, deterioration " + stripZeros(percentageChange.get().deterioration() * 100)
                        + "% of baseline, supplied by the caller");
                return;
            }
            if (!method.hasIndex() && options.threshold().isPresent()) {
                threshold = options.threshold();
                supplied.add("threshold");
                sources.add("threshold " + stripZeros(threshold.getAsDouble()) + ": supplied by the caller");
                return;
            }
            if (!method.hasIndex()) {
                Optional<ReliableChange.FixedThreshold> fixed = instrument.reliableChange().stream()
                        .filter(ReliableChange.FixedThreshold.class::isInstance)
                        .map(ReliableChange.FixedThreshold.class::cast).findFirst();
                if (fixed.isEmpty()) {
                    fail(Reason.NO_PUBLISHED_PARAMETERS, "fixed reliable-change threshold of " + instrument.id()
                            + " must be published: none");
                    return;
                }
                threshold = OptionalDouble.of(fixed.get().threshold().doubleValue());
                sources.add("threshold " + fixed.get().threshold().toPlainString() + " (" + fixed.get().scheme()
                        + "): " + fixed.get().source().citation());
                return;
            }
            critical = OptionalDouble.of(method.criticalValue(options.alpha()));
            if (options.alpha() != ChangeOptions.defaults().alpha()) {
                supplied.add("alpha");
                sources.add("alpha " + stripZeros(options.alpha()) + ": supplied by the caller");
            }
            if (options.reliability().isPresent()) {
                reliability = options.reliability();
                supplied.add("reliability");
                sources.add("reliability " + stripZeros(reliability.getAsDouble()) + ": supplied by the caller");
            } else if (fromReliability().isPresent()) {
                reliability = OptionalDouble.of(fromReliability().get().reliability().doubleValue());
                sources.add("reliability (" + fromReliability().get().reliabilityKind() + "): "
                        + fromReliability().get().source().citation());
            } else {
                fail(options.parameters() == ParameterSource.SAMPLE ? Reason.NO_RELIABILITY
                        : Reason.NO_PUBLISHED_PARAMETERS, "reliability of " + instrument.id()
                        + " must be published or supplied: none");
                return;
            }
            reliabilityPost = options.reliabilityPost().isPresent() ? options.reliabilityPost() : reliability;
            if (options.reliabilityPost().isPresent()) {
                supplied.add("reliabilityPost");
                sources.add("post reliability " + stripZeros(reliabilityPost.getAsDouble()) + ": supplied by the caller");
            }
            if (options.parameters() == ParameterSource.SAMPLE) {
                resolveSample(method, sample.orElseThrow());
            } else {
                resolvePublished(method);
            }
        }

        private void resolveSample(RciMethod method, SampleStatistics s) {
            if (usableSample().isEmpty()) {
                fail(Reason.DEGENERATE_SAMPLE, "sample must have at least 2 pairs and pre-score variance: n = "
                        + s.n() + ", SD = " + (Double.isNaN(s.sdPre()) ? "undefined" : stripZeros(s.sdPre())));
                return;
            }
            sd = OptionalDouble.of(s.sdPre());
            meanPre = OptionalDouble.of(s.meanPre());
            meanPost = OptionalDouble.of(s.meanPost());
            sdPost = OptionalDouble.of(s.sdPost());
            if (Double.isFinite(s.correlation())) {
                correlation = OptionalDouble.of(s.correlation());
            }
            sources.add("SD, means and correlation: sample of " + s.n() + " pairs");
            if (method == RciMethod.HAGEMAN_ARRINDELL && (correlation.isEmpty() || !(s.sdPost() > 0))) {
                fail(Reason.DEGENERATE_SAMPLE, "sample must have post-score variance for Hageman-Arrindell: SD = "
                        + (Double.isNaN(s.sdPost()) ? "undefined" : stripZeros(s.sdPost())));
            } else if (method == RciMethod.HAGEMAN_ARRINDELL) {
                double rDd = RciMethod.reliabilityOfDifference(s.sdPre(), s.sdPost(), reliability.getAsDouble(),
                        s.correlation());
                if (!(rDd > 0 && rDd <= 1)) {
                    fail(Reason.DEGENERATE_SAMPLE, "reliability of the difference scores must lie in (0, 1] for "
                            + "Hageman-Arrindell: " + (Double.isFinite(rDd) ? stripZeros(rDd) : "undefined"));
                }
            }
        }

        private void resolvePublished(RciMethod method) {
            if (method.needsPostStatistics()) {
                fail(Reason.NEEDS_SAMPLE_STATISTICS, "method " + Vocabulary.rciMethod(method)
                        + " must use sample parameters (post mean and SD): published parameters given");
                return;
            }
            Optional<Norm> clinical = norm(Norm.Role.DYSFUNCTIONAL);
            if (options.clinicalNorm().isPresent()) {
                sd = OptionalDouble.of(options.clinicalNorm().get().sd());
                meanPre = OptionalDouble.of(options.clinicalNorm().get().mean());
                sources.add("SD and mean: clinical reference supplied by the caller");
            } else if (clinical.isPresent()) {
                sd = OptionalDouble.of(clinical.get().sd().doubleValue());
                meanPre = OptionalDouble.of(clinical.get().mean().doubleValue());
                sources.add("SD and mean: " + clinical.get().population() + " norm, " + clinical.get().source()
                        .citation());
            } else if (fromReliability().isPresent() && !method.needsReferenceMean()) {
                sd = OptionalDouble.of(fromReliability().get().sd().doubleValue());
                sources.add("SD: " + fromReliability().get().source().citation());
            } else {
                fail(Reason.NO_PUBLISHED_PARAMETERS, "clinical-sample SD" + (method.needsReferenceMean() ? " and mean"
                        : "") + " of " + instrument.id() + " must be published: none");
            }
        }

        private void resolveCutoff() {
            Optional<Cutoff> caseness = instrument.caseness();
            SignificanceCriterion criterion = options.criterion();
            Optional<Reference> dysfunctional = options.parameters() == ParameterSource.SAMPLE
                    ? usableSample().map(s -> new Reference(s.meanPre(), s.sdPre())) : Optional.empty();
            if (options.clinicalNorm().isPresent()) {
                supplied.add("clinicalNorm");
                dysfunctional = options.clinicalNorm().map(n -> new Reference(n.mean(), n.sd()));
            }
            if (dysfunctional.isEmpty()) {
                dysfunctional = norm(Norm.Role.DYSFUNCTIONAL)
                        .map(n -> new Reference(n.mean().doubleValue(), n.sd().doubleValue()));
            }
            Optional<Reference> functional = norm(Norm.Role.FUNCTIONAL)
                    .map(n -> new Reference(n.mean().doubleValue(), n.sd().doubleValue()));
            if (options.functionalNorm().isPresent()) {
                supplied.add("functionalNorm");
                functional = options.functionalNorm().map(n -> new Reference(n.mean(), n.sd()));
            }
            if (options.method() == RciMethod.HAGEMAN_ARRINDELL) {
                resolveTrueScoreCutoff(criterion, dysfunctional, functional);
                return;
            }
            if (options.cutoff().isPresent()) {
                supplied.add("cutoff");
                cutoff = Optional.of(new FunctionalCutoff(SignificanceCriterion.SUPPLIED, options.cutoff().getAsDouble(),
                        instrument.direction(), Optional.empty()));
                sources.add("functional range: cut-off " + stripZeros(options.cutoff().getAsDouble())
                        + " supplied by the caller (a score on it is dysfunctional)");
                return;
            }
            if (criterion == SignificanceCriterion.AUTO) {
                criterion = options.method().hasIndex() && dysfunctional.isPresent() && functional.isPresent()
                        ? SignificanceCriterion.JT_C : SignificanceCriterion.CASENESS;
            }
            int d = instrument.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
            switch (criterion) {
                case CASENESS:
                    caseness.ifPresent(c -> {
                        cutoff = Optional.of(new FunctionalCutoff(SignificanceCriterion.CASENESS,
                                c.threshold().doubleValue(), instrument.direction(), caseness));
                        sources.add("functional range: not a case at the caseness cut-off, " + c.source().citation());
                    });
                    break;
                case JT_A:
                    dysfunctional.ifPresent(dys -> set(SignificanceCriterion.JT_A, dys.mean() + d * 2 * dys.sd()));
                    break;
                case JT_B:
                    functional.ifPresent(f -> set(SignificanceCriterion.JT_B, f.mean() - d * 2 * f.sd()));
                    break;
                case JT_C:
                    if (dysfunctional.isPresent() && functional.isPresent()) {
                        Reference dys = dysfunctional.get();
                        Reference f = functional.get();
                        set(SignificanceCriterion.JT_C, (f.sd() * dys.mean() + dys.sd() * f.mean()) / (f.sd() + dys.sd()));
                    }
                    break;
                default:
                    break;
            }
            if (cutoff.isEmpty()) {
                sources.add("clinical significance: no " + criterion.name().toLowerCase(Locale.ROOT)
                        + " cut-off available for " + instrument.id());
            }
        }

        /**
         * Hageman–Arrindell: a true-score cut-off (a or c) and the quantities for CS_indiv; b, caseness and a
         * supplied cut-off are refused, never mixed with the HA index.
         */
        private void resolveTrueScoreCutoff(SignificanceCriterion criterion, Optional<Reference> dysfunctional,
                Optional<Reference> functional) {
            if (options.cutoff().isPresent()) {
                supplied.add("cutoff");
                fail(Reason.UNSUPPORTED_COMBINATION, "clinical significance with Hageman-Arrindell must use a "
                        + "true-score cut-off (criterion a or c): a supplied cut-off has no true-score form");
                return;
            }
            if (criterion == SignificanceCriterion.AUTO) {
                // c_true when a functional reference exists, else a_true (the R package's default type)
                criterion = functional.isPresent() ? SignificanceCriterion.JT_C : SignificanceCriterion.JT_A;
            }
            if (criterion == SignificanceCriterion.CASENESS || criterion == SignificanceCriterion.JT_B) {
                fail(Reason.UNSUPPORTED_COMBINATION, "clinical significance with Hageman-Arrindell must use a "
                        + "true-score cut-off (criterion a or c): " + (criterion == SignificanceCriterion.JT_B
                        ? "criterion b (its true-score form with the functional SD is not confirmed from the paper)"
                        : "caseness has no true-score form"));
                return;
            }
            if (dysfunctional.isEmpty() || (criterion == SignificanceCriterion.JT_C && functional.isEmpty())) {
                sources.add("clinical significance: no true-score " + criterion.name().substring(3)
                        .toLowerCase(Locale.ROOT) + " cut-off available for " + instrument.id());
                return;
            }
            Reference dys = dysfunctional.get();
            double sem = dys.sd() * Math.sqrt(1 - reliability.getAsDouble());
            double rDys = trueScoreReliability(dys.sd(), sem);
            double rPost = trueScoreReliability(sdPost.getAsDouble(), sem);
            if (!(rPost > 0)) {
                fail(Reason.DEGENERATE_SAMPLE, "post-score SD must exceed the SEM for Hageman-Arrindell's CS_indiv: "
                        + "SD " + stripZeros(sdPost.getAsDouble()) + ", SEM " + stripZeros(sem));
                return;
            }
            int d = instrument.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
            double value;
            if (criterion == SignificanceCriterion.JT_A) {
                value = dys.mean() + d * 2 * dys.sd() * Math.sqrt(rDys);
            } else {
                Reference f = functional.get();
                double rFunc = trueScoreReliability(f.sd(), sem);
                if (!(rFunc > 0)) {
                    fail(Reason.UNSUPPORTED_COMBINATION, "functional SD must exceed the SEM for a true-score cut-off: "
                            + "SD " + stripZeros(f.sd()) + ", SEM " + stripZeros(sem));
                    return;
                }
                double wDys = dys.sd() * Math.sqrt(rDys);
                double wFunc = f.sd() * Math.sqrt(rFunc);
                value = (wDys * f.mean() + wFunc * dys.mean()) / (wDys + wFunc);
            }
            double rDd = RciMethod.reliabilityOfDifference(sd.getAsDouble(), sdPost.getAsDouble(),
                    reliability.getAsDouble(), correlation.getAsDouble());
            trueScore = Optional.of(new TrueScore(sem, rPost, meanPost.getAsDouble(), rDd));
            cutoff = Optional.of(new FunctionalCutoff(criterion, value, instrument.direction(), Optional.empty()));
            sources.add("functional range: Hageman-Arrindell true-score criterion "
                    + criterion.name().substring(3).toLowerCase(Locale.ROOT) + " = "
                    + stripZeros(Math.round(value * 10000) / 10000.0) + ", decided by CS_indiv against "
                    + stripZeros(Math.round(critical.getAsDouble() * 10000) / 10000.0)
                    + " (Hageman & Arrindell 1999; references: " + (options.clinicalNorm().isPresent()
                    ? "dysfunctional = supplied by the caller" : "dysfunctional = sample pre scores")
                    + (options.functionalNorm().isPresent() ? ", functional = supplied by the caller" : "") + ")");
        }

        /** r_g = (SD_g² − SEM²) / SD_g² (Hageman &amp; Arrindell 1999). */
        private static double trueScoreReliability(double sd, double sem) {
            return (sd * sd - sem * sem) / (sd * sd);
        }

        private void set(SignificanceCriterion criterion, double value) {
            cutoff = Optional.of(new FunctionalCutoff(criterion, value, instrument.direction(), Optional.empty()));
            sources.add("functional range: Jacobson-Truax criterion " + criterion.name().substring(3).toLowerCase(
                    Locale.ROOT) + " = " + stripZeros(Math.round(value * 10000) / 10000.0)
                    + " (Jacobson & Truax 1991; references: " + (options.clinicalNorm().isPresent()
                    ? "dysfunctional = supplied by the caller" : options.parameters() == ParameterSource.SAMPLE
                    ? "dysfunctional = sample pre scores" : "published norms") + (options.functionalNorm().isPresent()
                    ? ", functional = supplied by the caller" : "") + ")");
        }
    }
}
