/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Random;
import org.imhmeasures.core.care.Eligibility;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.scoring.Administration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Well-formed submissions with random field values: every one is accepted or rejected, never an
 * exception, and every accepted one satisfies the documented invariants.
 */
class SemanticFuzzTest {

    private static final SubmissionValidator VALIDATOR = SubmissionValidator.create();
    private static final String[] CODES = {"A", "Z", "99", "T", "A2", "B1", "ZZ", "", "birth_mother", "partner",
        "other", "nope", "single_parent", "not_known", "work_completed", "baseline", "review", "follow_up"};
    private static final String[][] TIMEPOINTS = {{"baseline", "review"}, {"discharge", "follow_up"}};

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    @Test
    void randomValues_acceptedOnlyWhenInvariantsHold() {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        Random random = new Random(seed);
        int accepted = 0;
        int rejected = 0;
        for (int n = 0; n < 400; n++) {
            ObjectNode doc = SubmissionFixtures.valid();
            if (n % 20 == 0) {
                // an unmutated valid document every 20 cases: acceptance is exercised whatever the seed
                assertTrue(VALIDATOR.validate(SubmissionFixtures.text(doc)) instanceof SubmissionResult.Accepted,
                        "the valid fixture must be accepted");
                accepted++;
                continue;
            }
            ObjectNode infant = (ObjectNode) doc.get("infant");
            ObjectNode referral = (ObjectNode) doc.get("referral");
            ObjectNode episode = (ObjectNode) doc.get("episode");
            LocalDate base = LocalDate.of(2025, 1, 1);
            if (random.nextBoolean()) {
                infant.put("dateOfBirth", base.plusDays(random.nextInt(1400) - 700).toString());
            } else {
                infant.remove("dateOfBirth");
                infant.put("expectedDate", base.plusDays(random.nextInt(1400) - 700).toString());
            }
            LocalDate referred = base.plusDays(random.nextInt(600));
            LocalDate start = referred.plusDays(random.nextInt(40) - 5);
            referral.put("date", referred.toString());
            episode.put("start", start.toString());
            if (random.nextInt(4) == 0) {
                episode.remove("end");
            } else {
                episode.put("end", start.plusDays(random.nextInt(300) - 5).toString());
            }
            if (random.nextInt(4) == 0) {
                episode.remove("dischargeReason");
            }
            referral.put("parentAge", random.nextInt(80));
            if (random.nextInt(4) == 0) {
                referral.put(random.nextBoolean() ? "ethnicCategory" : "household", CODES[random.nextInt(CODES
                        .length)]);
            }
            ArrayNode caregivers = (ArrayNode) doc.get("caregivers");
            int cut = random.nextInt(3);
            for (int i = 0; i < cut && caregivers.size() > 0; i++) {
                caregivers.remove(caregivers.size() - 1);
            }
            for (int i = 0; i < 2; i++) {
                ObjectNode a = (ObjectNode) doc.get("administrations").get(i);
                a.put("date", start.plusDays(random.nextInt(320) - 10).toString());
                a.put("timepoint", random.nextInt(5) == 0 ? CODES[random.nextInt(CODES.length)]
                        : TIMEPOINTS[i][random.nextInt(2)]);
                ((ObjectNode) a.get("answers")).put("phq9_" + (1 + random.nextInt(9)), Integer.toString(random
                        .nextInt(6) - 1));
            }
            ObjectNode delivery = (ObjectNode) episode.get("interventions").get(0);
            delivery.put("sessionsAttended", random.nextInt(9));
            SubmissionResult result;
            try {
                result = VALIDATOR.validate(SubmissionFixtures.text(doc));
            } catch (RuntimeException e) {
                fail("seed " + seed + " (rerun with -Dimh.seed=" + seed + "), case " + n + ": " + e, e);
                return;
            }
            if (result instanceof SubmissionResult.Accepted) {
                accepted++;
                Submission s = ((SubmissionResult.Accepted) result).submission();
                LocalDate referralDate = s.referral().date();
                assertTrue(EligibilityPolicy.defaults().evaluate(s.referral().unit().infant().dates(), referralDate)
                        instanceof Eligibility.Eligible, "seed " + seed);
                s.episode().ifPresent(e -> {
                    assertFalse(e.start().isBefore(referralDate), "seed " + seed);
                    for (Administration a : s.administrations()) {
                        assertFalse(a.date().orElseThrow().isBefore(e.start()), "seed " + seed);
                        e.end().ifPresent(end -> assertFalse(a.date().orElseThrow().isAfter(end), "seed " + seed));
                    }
                });
            } else {
                rejected++;
                ((SubmissionResult.Rejected) result).violations().forEach(v -> assertTrue(v.message().contains(
                        " must "), "seed " + seed + ": " + v));
            }
        }
        assertTrue(accepted >= 20 && rejected > 0, "seed " + seed + ": both outcomes must be exercised, accepted "
                + accepted + ", rejected " + rejected);
    }
}
