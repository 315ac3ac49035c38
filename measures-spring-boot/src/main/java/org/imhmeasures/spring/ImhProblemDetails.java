/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.Violation;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.json.WireForm;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details for results a client must correct, status 422 (Unprocessable Content). Every
 * entry is located (item id, answer position or JSON path) and redacted: codes and the library's messages,
 * never the answers, keys or values as submitted. A result that cannot be scored still carries its critical-item alerts:
 * they must be acted on although there is no score.
 *
 * <pre>
 * {"type":"urn:imh-measures:problem:not-scorable","title":"administration cannot be scored","status":422,
 *  "detail":"administration of PHQ-9 must be scorable: 1 problem","instrumentId":"PHQ-9",
 *  "problems":[{"code":"too_many_missing","message":"...","missing":["phq9_9"],"allowed":0}],
 *  "criticalAlerts":[...],"criticalUnanswered":[...]}
 * {"type":"urn:imh-measures:problem:submission-rejected","title":"submission rejected","status":422,
 *  "detail":"submission must be valid: 2 violations","violations":[{"path":"infant.nhsNumber",
 *  "code":"nhs_number","message":"..."}]}
 * </pre>
 *
 * @since 0.1.0
 */
public final class ImhProblemDetails {

    /** The type of {@link #notScorable(NotScorable)}. */
    public static final URI NOT_SCORABLE = URI.create("urn:imh-measures:problem:not-scorable");
    /** The type of {@link #rejected(SubmissionResult.Rejected)}. */
    public static final URI SUBMISSION_REJECTED = URI.create("urn:imh-measures:problem:submission-rejected");

    private ImhProblemDetails() {
    }

    /**
     * The problem detail of an administration that cannot be scored: properties {@code instrumentId} and,
     * exactly as in the result's wire form ({@link WireForm#of(ScoreResult)}),
     * {@code problems} (each {@code code}, redacted {@code message} and its code's location fields),
     * {@code criticalAlerts} and {@code criticalUnanswered}.
     *
     * @param result the result
     * @return a new problem detail, status 422
     */
    public static ProblemDetail notScorable(NotScorable result) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "administration of "
                + result.provenance().instrumentId() + " must be scorable: " + count(result.problems().size(),
                        "problem"));
        problem.setType(NOT_SCORABLE);
        problem.setTitle("administration cannot be scored");
        problem.setProperty("instrumentId", result.provenance().instrumentId());
        // the entries of the result's wire form (docs/json.md): the same codes, locations and alerts
        Map<String, Object> form = WireForm.of(result);
        problem.setProperty("problems", form.get("problems"));
        problem.setProperty("criticalAlerts", form.get("criticalAlerts"));
        problem.setProperty("criticalUnanswered", form.get("criticalUnanswered"));
        return problem;
    }

    /**
     * The problem detail of a rejected submission: property {@code violations} ({@code path}, {@code code},
     * {@code message}), every violation, in the validator's order.
     *
     * @param result the rejection
     * @return a new problem detail, status 422
     */
    public static ProblemDetail rejected(SubmissionResult.Rejected result) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "submission must be valid: " + count(result.violations().size(), "violation"));
        problem.setType(SUBMISSION_REJECTED);
        problem.setTitle("submission rejected");
        List<Map<String, Object>> violations = new ArrayList<>();
        for (Violation v : result.violations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", v.path());
            entry.put("code", v.code());
            entry.put("message", v.message());
            violations.add(entry);
        }
        problem.setProperty("violations", violations);
        return problem;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
