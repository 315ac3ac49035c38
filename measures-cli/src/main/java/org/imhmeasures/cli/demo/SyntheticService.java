/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;

/**
 * A seeded generator of a synthetic parent-infant relationship service: families referred to four
 * teams, infants at different ages, risk factors, and administrations of several instruments at
 * baseline, review and discharge with realistic drop-out and item non-response.
 *
 * <p>Every value is invented: no real person or service is described. The same seed and size always
 * give the same service.
 */
public final class SyntheticService {

    /** Teams with their share of referrals and their mean improvement (in latent SD units). */
    static final List<String> TEAMS = List.of("North", "South", "East", "West");
    private static final double[] TEAM_WEIGHTS = {0.35, 0.25, 0.25, 0.15};
    private static final double[] TEAM_EFFECT = {0.9, 0.7, 1.0, 0.5};

    /** Infant age bands at referral, as the Rare Jewels report asks commissioners to report them. */
    static final List<String> AGE_BANDS = List.of("antenatal", "0-12 months", "12-24 months", "24-36 months");
    private static final double[] AGE_WEIGHTS = {0.15, 0.55, 0.22, 0.08};

    /** Referral risk factors (labels only; the portal's taxonomy groups them in four areas). */
    static final List<String> RISK_FACTORS = List.of("perinatal mental illness", "isolation or lack of support",
            "recent life stress", "parent abused in own childhood", "substance misuse", "domestic abuse", "poverty",
            "relationship conflict", "previous baby loss", "young parent", "prematurity",
            "observed interaction difficulty");
    private static final double[] RISK_PREVALENCE = {0.62, 0.38, 0.34, 0.27, 0.12, 0.21, 0.30, 0.25, 0.10, 0.09, 0.11,
        0.45};

    /** Timepoints in order. */
    static final List<String> TIMEPOINTS = List.of("baseline", "review", "discharge");
    private static final double[] ATTENDANCE = {1.0, 0.6, 0.75};

    /** Instruments the synthetic service uses, in report order. */
    static final List<String> INSTRUMENTS = List.of("EPDS", "PHQ-9", "GAD-7", "CORE-10", "KPCS", "PIR-GAS", "GBO");

    private static final double ITEM_NON_RESPONSE = 0.01;

    /** Risk factor ids of the built-in risk taxonomy, matching {@link #RISK_FACTORS} one to one. */
    static final List<String> RISK_FACTOR_IDS = List.of("perinatal_mental_illness", "isolation_lack_of_support",
            "recent_life_stress", "parent_abused_or_witnessed_abuse_in_childhood", "substance_misuse",
            "domestic_abuse", "poverty", "relationship_conflict", "previous_baby_loss", "young_parent", "prematurity",
            "observed_interaction_difficulty");

    /** NHS source-of-referral codes and their shares (health visitors and maternity services lead). */
    private static final List<String> SOURCES = List.of("A2", "A4", "A1", "C1", "B1", "F3", "G4");
    private static final double[] SOURCE_WEIGHTS = {0.35, 0.20, 0.15, 0.12, 0.08, 0.05, 0.05};

    /** NHS ethnic category codes and their shares in the synthetic population. */
    private static final List<String> ETHNICITY = List.of("A", "B", "C", "D", "F", "H", "J", "K", "M", "N", "R", "S",
            "Z");
    private static final double[] ETHNICITY_WEIGHTS = {0.66, 0.01, 0.07, 0.02, 0.02, 0.03, 0.04, 0.02, 0.02, 0.04,
        0.01, 0.02, 0.04};

    /** Earliest referral date of the synthetic year. */
    static final LocalDate YEAR_START = LocalDate.of(2025, 1, 6);

    /**
     * Referral facts of a family, as a portal submission carries them. Dates are invented.
     *
     * @param referralDate date of referral
     * @param infantDate date of birth, or expected date when {@code antenatal}
     * @param antenatal whether the referral came before birth
     * @param parentAge age of the main caregiver at referral
     * @param singleParent whether the household is a single-parent one
     * @param source NHS source-of-referral code
     * @param ethnicCategory NHS ethnic category code of the main caregiver
     * @param riskFactorIds taxonomy ids of the referral's risk factors
     * @param episodeStart first appointment (baseline measures)
     */
    public record ReferralFacts(LocalDate referralDate, LocalDate infantDate, boolean antenatal,
            int parentAge, boolean singleParent, String source, String ethnicCategory, List<String> riskFactorIds,
            LocalDate episodeStart) {
    }

    /** A referred family. */
    public record Family(String id, String team, String ageBand, List<String> riskFactors,
            Map<String, Map<String, Map<String, String>>> answers, ReferralFacts referral) {
    }

    private SyntheticService() {
    }

    /**
     * Generates a service.
     *
     * @param seed the random seed
     * @param families how many families were referred
     * @return the families in referral order
     */
    public static List<Family> generate(long seed, int families) {
        Random random = new Random(seed);
        // a second stream for referral details, so adding details never changes the answers
        Random details = new Random(seed * 31 + 7);
        Catalogue catalogue = Catalogue.builtIn();
        List<Family> out = new ArrayList<>(families);
        for (int f = 0; f < families; f++) {
            String id = String.format(Locale.ROOT, "F%05d", f + 1);
            int team = pick(random, TEAM_WEIGHTS);
            int age = pick(random, AGE_WEIGHTS);
            List<String> risks = new ArrayList<>();
            for (int r = 0; r < RISK_FACTORS.size(); r++) {
                if (random.nextDouble() < RISK_PREVALENCE[r]) {
                    risks.add(RISK_FACTORS.get(r));
                }
            }
            // latent difficulty at referral: more risk factors, more difficulty
            double severity = random.nextGaussian() * 0.8 + 0.15 * (risks.size() - 3);
            double improvement = TEAM_EFFECT[team] + random.nextGaussian() * 0.7;
            boolean engaged = true;
            Map<String, Map<String, Map<String, String>>> answers = new LinkedHashMap<>();
            for (int t = 0; t < TIMEPOINTS.size(); t++) {
                engaged = engaged && random.nextDouble() < ATTENDANCE[t];
                if (!engaged) {
                    break;
                }
                double latent = severity - improvement * t / 2.0 + random.nextGaussian() * 0.3;
                Map<String, Map<String, String>> byInstrument = new LinkedHashMap<>();
                for (String instrumentId : INSTRUMENTS) {
                    if (!uses(instrumentId, age, team)) {
                        continue;
                    }
                    byInstrument.put(instrumentId, answers(random, catalogue.get(instrumentId), latent, t));
                }
                answers.put(TIMEPOINTS.get(t), byInstrument);
            }
            out.add(new Family(id, TEAMS.get(team), AGE_BANDS.get(age), List.copyOf(risks), answers,
                    referral(details, age, risks)));
        }
        return out;
    }

    private static ReferralFacts referral(Random random, int ageBand, List<String> risks) {
        LocalDate referral = YEAR_START.plusDays(random.nextInt(365));
        LocalDate infant;
        if (ageBand == 0) {
            infant = referral.plusDays(20 + random.nextInt(200));
        } else {
            int days = (ageBand - 1) * 365 + random.nextInt(360);
            infant = referral.minusDays(days);
        }
        boolean young = risks.contains("young parent");
        int parentAge = young ? 16 + random.nextInt(5) : 21 + random.nextInt(22);
        boolean single = random.nextDouble() < (young ? 0.55 : 0.22);
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < RISK_FACTORS.size(); r++) {
            if (risks.contains(RISK_FACTORS.get(r))) {
                ids.add(RISK_FACTOR_IDS.get(r));
            }
        }
        if (single) {
            ids.add("single_parent");
        }
        return new ReferralFacts(referral, infant, ageBand == 0, parentAge, single,
                SOURCES.get(pick(random, SOURCE_WEIGHTS)), ETHNICITY.get(pick(random, ETHNICITY_WEIGHTS)),
                List.copyOf(ids), referral.plusDays(14 + random.nextInt(28)));
    }

    /** Which instruments a family completes: EPDS perinatally, KPCS for infants under 1, CORE-10 in two teams. */
    private static boolean uses(String instrumentId, int ageBand, int team) {
        switch (instrumentId) {
            case "EPDS":
                return ageBand <= 1;
            case "KPCS":
                return ageBand == 1;
            case "CORE-10":
                return team == 0 || team == 2;
            case "PIR-GAS":
                return ageBand > 0; // a relationship with a born infant
            default:
                return true;
        }
    }

    private static Map<String, String> answers(Random random, Instrument instrument, double latent, int timepoint) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            String code;
            if (item.scale() instanceof ResponseScale.Rating rating) {
                code = Integer.toString(rating(random, instrument.id(), rating, latent, timepoint));
            } else if (item.scale() instanceof ResponseScale.Unscored unscored) {
                // answers only: no score to tie to the latent difficulty, so any category
                code = unscored.categories().get(random.nextInt(unscored.categories().size())).code();
            } else if (item.critical().isPresent()) {
                code = criticalCode(random, item, latent);
            } else {
                code = codeFor(random, item, instrument.direction(), latent);
            }
            if (instrument.id().equals("GBO") && item.position() > 1 && random.nextDouble() < 0.3 * item.position()
                    / 3.0) {
                code = ""; // fewer families set a second or third goal
            } else if (!instrument.id().equals("GBO") && random.nextDouble() < ITEM_NON_RESPONSE) {
                code = "";
            }
            codes.put(item.id(), code);
        }
        return codes;
    }

    private static int rating(Random random, String instrumentId, ResponseScale.Rating rating, double latent,
            int timepoint) {
        double value;
        if (instrumentId.equals("PIR-GAS")) {
            value = 62 - 11 * latent + random.nextGaussian() * 6;
        } else if (instrumentId.equals("GBO")) {
            value = 2 + 2.3 * timepoint - 0.8 * latent + random.nextGaussian() * 1.2;
        } else {
            value = (rating.min() + rating.max()) / 2.0 - latent * (rating.max() - rating.min()) / 6.0;
        }
        return (int) Math.max(rating.min(), Math.min(rating.max(), Math.round(value)));
    }

    /** Picks a code whose score reflects the latent difficulty, respecting the item's keying. */
    private static String codeFor(Random random, Item item, Direction direction, double latent) {
        List<AnswerOption> options = new ArrayList<>(((ResponseScale.Options) item.scale()).options());
        options.removeIf(o -> !o.code().matches("\\d+"));
        options.sort(Comparator.comparingInt(AnswerOption::score));
        int levels = options.size();
        // position on the "worse" scale 0..levels-1
        double worse = (levels - 1) * (0.38 + 0.2 * latent) + random.nextGaussian() * 0.75;
        int index = (int) Math.max(0, Math.min(levels - 1, Math.round(worse)));
        if (direction == Direction.HIGHER_IS_BETTER) {
            index = levels - 1 - index;
        }
        return options.get(index).code();
    }

    /**
     * Critical items (self-harm thoughts, risk) are endorsed far less often than other items: here by
     * about one in ten people at the most severe end, rarely otherwise.
     */
    private static String criticalCode(Random random, Item item, double latent) {
        List<AnswerOption> options = new ArrayList<>(((ResponseScale.Options) item.scale()).options());
        options.sort(Comparator.comparingInt(AnswerOption::score));
        double chance = latent > 1.0 ? 0.12 : latent > 0.3 ? 0.04 : 0.01;
        int index = random.nextDouble() < chance ? 1 + random.nextInt(Math.min(2, options.size() - 1)) : 0;
        return options.get(index).code();
    }

    private static int pick(Random random, double[] weights) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
