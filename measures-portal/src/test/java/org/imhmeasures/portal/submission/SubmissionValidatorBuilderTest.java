/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.imhmeasures.portal.submission.SubmissionFixtures.administration;
import static org.imhmeasures.portal.submission.SubmissionFixtures.at;
import static org.imhmeasures.portal.submission.SubmissionFixtures.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.imhmeasures.core.risk.RiskFactor;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/**
 * The builder's settings take effect: a service's own instrument and risk taxonomy, limits; each
 * administration is scored exactly once with a scorer built once; the validator refuses work once closed.
 */
class SubmissionValidatorBuilderTest {

    /** A service's own two-item instrument, written in the definition format (not a published measure). */
    private static final String TEAM_CHECK = """
            {
              "format": "imh-measures/instrument@1",
              "id": "TEAM-CHECK",
              "definitionVersion": "0.1.0",
              "name": "Team check-in (a test instrument, not a published measure)",
              "respondent": "self_report",
              "appliesTo": "parents seen by the test team",
              "itemScoringSource": "written for this test",
              "responseScales": {
                "often": {"options": [{"code": "0", "score": 0}, {"code": "1", "score": 1}, {"code": "2", "score": 2}]}
              },
              "items": [
                {"id": "teamcheck_1", "position": 1, "scale": "often"},
                {"id": "teamcheck_2", "position": 2, "scale": "often"}
              ],
              "scoring": {"method": "sum", "source": "written for this test"},
              "missingItems": {"rule": "none_allowed", "note": "both items must be answered"},
              "totalRange": {"min": 0, "max": 4},
              "direction": "higher_is_worse",
              "licence": {"kind": "public_domain", "holder": "the test", "wording": "may_ship", "terms": "none",
                          "citation": "none", "source": "this test"}
            }
            """;

    private static Instrument teamCheck() {
        return InstrumentDefinitions.read(new ByteArrayInputStream(TEAM_CHECK.getBytes(StandardCharsets.UTF_8)),
                "team-check.json");
    }

    /** The fixture with its second administration replaced by one of TEAM-CHECK. */
    private static String withTeamCheck() {
        return edited(doc -> {
            ObjectNode a = administration(doc, 1);
            a.put("instrument", "TEAM-CHECK");
            ObjectNode answers = a.putObject("answers");
            answers.put("teamcheck_1", "2");
            answers.put("teamcheck_2", "1");
        });
    }

    @Test
    void catalogue_ownInstrument_isAcceptedAndScored() {
        try (SubmissionValidator validator = SubmissionValidator.builder().catalogue(Catalogue.builtIn().with(
                teamCheck())).build()) {
            SubmissionResult result = validator.validate(withTeamCheck());
            SubmissionResult.Accepted accepted = assertInstanceOf(SubmissionResult.Accepted.class, result,
                    result.toString());
            assertEquals("TEAM-CHECK", accepted.submission().administrations().get(1).instrumentId());
            Scored scored = assertInstanceOf(Scored.class, accepted.scores().get(1));
            assertEquals(0, new BigDecimal("3").compareTo(scored.total().orElseThrow()));
        }
    }

    @Test
    void catalogue_ownInstrumentWithWrongCode_isLocatedAgainstTheOwnDefinition() {
        try (SubmissionValidator validator = SubmissionValidator.builder().catalogue(Catalogue.builtIn().with(
                teamCheck())).build()) {
            String json = edited(doc -> {
                ObjectNode a = administration(doc, 1);
                a.put("instrument", "TEAM-CHECK");
                a.putObject("answers").put("teamcheck_1", "3").put("teamcheck_2", "1");
            });
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    validator.validate(json));
            assertEquals("administrations[1].answers.teamcheck_1 answers.code_not_allowed", rejected.violations().get(0)
                    .path() + " " + rejected.violations().get(0).code());
        }
    }

    @Test
    void catalogue_default_doesNotKnowTheOwnInstrument() {
        try (SubmissionValidator validator = SubmissionValidator.create()) {
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    validator.validate(withTeamCheck()));
            assertEquals("answers.instrument_unknown", rejected.violations().get(0).code());
        }
    }

    @Test
    void catalogue_withoutPhq9_rejectsPhq9() {
        try (SubmissionValidator validator = SubmissionValidator.builder().catalogue(Catalogue.of(List.of(
                teamCheck()))).build()) {
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    validator.validate(SubmissionFixtures.text(SubmissionFixtures.valid())));
            assertEquals(List.of("administrations[0].instrument", "administrations[1].instrument"), rejected
                    .violations().stream().map(Violation::path).toList());
        }
    }

    @Test
    void riskTaxonomy_ownFactor_isAcceptedOnlyByAValidatorGivenTheTaxonomy() {
        RiskTaxonomy own = taxonomyWithFactor("service_specific_factor");
        String json = edited(doc -> ((ArrayNode) at(doc, "referral").get("riskFactors")).add(
                "service_specific_factor"));
        try (SubmissionValidator builtIn = SubmissionValidator.create();
                SubmissionValidator withOwn = SubmissionValidator.builder().riskTaxonomy(own).build()) {
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    builtIn.validate(json));
            assertEquals("referral.riskFactors[3] code.unknown", rejected.violations().get(0).path() + " "
                    + rejected.violations().get(0).code());
            SubmissionResult.Accepted accepted = assertInstanceOf(SubmissionResult.Accepted.class,
                    withOwn.validate(json));
            assertTrue(accepted.submission().referral().risks().has("service_specific_factor"));
            assertSame(own, withOwn.riskTaxonomy());
        }
    }

    private static RiskTaxonomy taxonomyWithFactor(String id) {
        RiskTaxonomy builtIn = RiskTaxonomy.builtIn();
        RiskFactor model = builtIn.factors().get(0);
        List<RiskFactor> factors = new ArrayList<>(builtIn.factors());
        factors.add(new RiskFactor(id, "a service's own factor", model.area(), model.areaBasis(), List.of(),
                model.source()));
        return new RiskTaxonomy("test-1", factors, builtIn.referralReasons(), builtIn.omissions());
    }

    @Test
    void validate_acceptedSubmission_scoresEachAdministrationOnce() {
        AtomicInteger scorings = new AtomicInteger();
        try (SubmissionValidator validator = SubmissionValidator.builder().onScore(scorings::incrementAndGet)
                .build()) {
            SubmissionResult result = validator.validate(SubmissionFixtures.text(SubmissionFixtures.valid()));
            assertInstanceOf(SubmissionResult.Accepted.class, result, result.toString());
            assertEquals(2, ((SubmissionResult.Accepted) result).scores().size());
            assertEquals(2, scorings.get(), "two administrations, each scored once");
            validator.validate(SubmissionFixtures.text(SubmissionFixtures.valid()));
            assertEquals(4, scorings.get(), "scores are not carried from one submission to the next");
        }
    }

    @Test
    void validate_rejectedSubmission_scoresEachAdministrationOnce() {
        AtomicInteger scorings = new AtomicInteger();
        try (SubmissionValidator validator = SubmissionValidator.builder().onScore(scorings::incrementAndGet)
                .build()) {
            String json = edited(doc -> ((ObjectNode) administration(doc, 0).get("answers")).put("phq9_1", "7"));
            assertInstanceOf(SubmissionResult.Rejected.class, validator.validate(json));
            assertEquals(2, scorings.get());
        }
    }

    @Test
    void scorer_isBuiltOncePerInstrumentAndShared() {
        try (SubmissionValidator validator = SubmissionValidator.create()) {
            Scorer first = validator.scorer("PHQ-9").orElseThrow();
            validator.validate(SubmissionFixtures.text(SubmissionFixtures.valid()));
            assertSame(first, validator.scorer("PHQ-9").orElseThrow());
            assertTrue(validator.scorer("NOT-AN-INSTRUMENT").isEmpty());
        }
    }

    @Test
    void limits_smallerDocumentLimit_rejectsWithThatLimit() {
        String json = SubmissionFixtures.text(SubmissionFixtures.valid());
        try (SubmissionValidator validator = SubmissionValidator.builder().limits(SubmissionLimits.defaults()
                .withMaxBytes(json.length() - 1)).build()) {
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    validator.validate(json));
            assertEquals("json.too_large", rejected.violations().get(0).code());
            assertTrue(rejected.violations().get(0).message().contains(Integer.toString(json.length() - 1)),
                    rejected.violations().get(0).message());
        }
    }

    @Test
    void limits_shallowerDepth_rejectsAsLimits() {
        try (SubmissionValidator validator = SubmissionValidator.builder().limits(SubmissionLimits.defaults()
                .withMaxDepth(4)).build()) {
            String json = edited(doc -> at(doc, "episode").putArray("interventions").addObject().putArray("x")
                    .addArray());
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    validator.validate(json));
            assertEquals("json.limits", rejected.violations().get(0).code());
            assertTrue(rejected.violations().get(0).message().contains("4"), rejected.violations().get(0).message());
        }
        try (SubmissionValidator validator = SubmissionValidator.create()) {
            assertInstanceOf(SubmissionResult.Accepted.class, validator.validate(SubmissionFixtures.text(
                    SubmissionFixtures.valid())));
        }
    }

    @Test
    void limits_outOfRange_areRefusedAndEqualityIsByValue() {
        assertThrows(IllegalArgumentException.class, () -> SubmissionLimits.defaults().withMaxBytes(0));
        assertThrows(IllegalArgumentException.class, () -> SubmissionLimits.defaults().withMaxDepth(3));
        assertThrows(IllegalArgumentException.class, () -> SubmissionLimits.defaults().withMaxNumberLength(0));
        assertThrows(IllegalArgumentException.class, () -> SubmissionLimits.defaults().withMaxStringLength(0));
        assertEquals(SubmissionLimits.defaults(), SubmissionLimits.defaults().withMaxDepth(8).withMaxDepth(
                SubmissionValidator.MAX_DEPTH));
        assertEquals(SubmissionLimits.defaults().hashCode(), SubmissionLimits.defaults().withMaxBytes(10)
                .withMaxBytes(SubmissionValidator.MAX_BYTES).hashCode());
        assertNotEquals(SubmissionLimits.defaults(), SubmissionLimits.defaults().withMaxStringLength(5));
    }

    @Test
    void close_thenValidate_isRefused_andCloseIsIdempotent() {
        SubmissionValidator validator = SubmissionValidator.create();
        validator.close();
        validator.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> validator.validate("{}"));
        assertEquals("validator must be open: closed", e.getMessage());
    }

    @Test
    void builder_nullSettings_areRefused() {
        assertThrows(NullPointerException.class, () -> SubmissionValidator.builder().catalogue(null));
        assertThrows(NullPointerException.class, () -> SubmissionValidator.builder().riskTaxonomy(null));
        assertThrows(NullPointerException.class, () -> SubmissionValidator.builder().policy(null));
        assertThrows(NullPointerException.class, () -> SubmissionValidator.builder().messages(null));
        assertThrows(NullPointerException.class, () -> SubmissionValidator.builder().limits(null));
    }
}
