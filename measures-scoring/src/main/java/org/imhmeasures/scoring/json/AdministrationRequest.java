/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.ScoringOptions;

/**
 * An administration read from JSON together with the kind of its answers, which the document must state:
 *
 * <pre>{@code
 * {"instrument": "PHQ-9", "answerKind": "codes", "answers": {"phq9_1": "2", "phq9_2": 1, "phq9_3": null}}
 * }</pre>
 *
 * <p>{@code answerKind} ({@code codes} or {@code scores}) is required rather than defaulted: a record system
 * that stores EPDS item scores and sends them as codes would score item 10's most severe answer as 0 and
 * raise no alert (see {@link AnswerKind}). An answer is a string, a whole number (read as its decimal text)
 * or {@code null} (missing). Optional: {@code date} (ISO {@code yyyy-mm-dd}), {@code timepoint}
 * ({@code baseline}, {@code review}, {@code discharge}, {@code follow_up}) and {@code respondent}; {@code null}
 * for any of them means absent. Any other field, a repeated key, more than 1,000 answers or a string over
 * 10,000 characters is refused with an {@link AdministrationJsonException}. Schema:
 * {@code docs/json/administration.schema.json}.
 *
 * <p>Read it with {@link #parse(String)} (strict parser limits of its own), or with any {@code ObjectMapper}
 * that has {@link ImhMeasuresModule} registered. {@code toString()} is that of {@link Administration}:
 * counts only, no answer.
 *
 * @param administration the administration, answers as given (unknown and repeated-after-trimming keys
 *        are kept unplaced, for the scorer to report)
 * @param answerKind whether the answers are answer codes or item scores
 * @since 0.1.0
 */
public record AdministrationRequest(Administration administration, AnswerKind answerKind) {

    /** Strict parser limits of {@link #parse(String)}: depth 4, numbers of 20 digits, strings of 10,000. */
    private static final ObjectMapper STRICT = Json.reader(Json.limits(4, 20, AdministrationDeserializer.MAX_STRING,
            AdministrationDeserializer.MAX_STRING))
            // the deserializer refuses a repeated key with its path; the parser's own message would quote it
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addModule(new ImhMeasuresModule()).build();

    /**
     * Validates.
     *
     * @param administration the administration, answers as given (unknown and repeated-after-trimming keys
     *     are kept unplaced, for the scorer to report)
     * @param answerKind whether the answers are answer codes or item scores
     */
    public AdministrationRequest {
        Check.notNull(administration, "administration");
        Check.notNull(answerKind, "answer kind");
    }

    /**
     * Reads one administration document with strict limits: nesting depth 4, numbers of at most 20
     * characters, strings and keys of at most 10,000, nothing after the object.
     *
     * @param json the document
     * @return the request
     * @throws AdministrationJsonException when the text is not such a document: located, never quoting it
     */
    public static AdministrationRequest parse(String json) throws AdministrationJsonException {
        Check.notNull(json, "json");
        try {
            AdministrationRequest request = STRICT.readValue(json, AdministrationRequest.class);
            if (request == null) {
                throw new AdministrationJsonException("", "administration must be a JSON object: null", null);
            }
            return request;
        } catch (AdministrationJsonException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw new AdministrationJsonException("", "administration must stay within the reading limits "
                    + "(depth 4, numbers of 20 characters, strings of 10000): over them", e.getLocation());
        } catch (JsonProcessingException e) {
            // the parser's own message may quote the text: say only where
            throw new AdministrationJsonException("", "administration must be one well-formed JSON object: "
                    + "not well-formed, or content after it", e.getLocation());
        }
    }

    /**
     * Scoring options that read the answers as this request says.
     *
     * @param base the options otherwise in force
     * @return {@code base} with this request's answer kind
     */
    public ScoringOptions options(ScoringOptions base) {
        return Check.notNull(base, "base").with(answerKind);
    }
}
