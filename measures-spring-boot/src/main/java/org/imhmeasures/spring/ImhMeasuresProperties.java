/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import java.util.List;
import org.imhmeasures.portal.submission.SubmissionLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the imh-measures auto-configuration, prefix {@code imh-measures}.
 *
 * <pre>
 * imh-measures.definitions=classpath:measures/*.json,file:/etc/service/gbo-local.json
 * imh-measures.built-in=true
 * imh-measures.submission.max-bytes=1048576
 * imh-measures.problem-details.enabled=true
 * </pre>
 *
 * @param definitions locations of the service's own instrument definitions (Spring resource locations:
 *        classpath:, file:, patterns such as classpath:measures/*.json), added to the
 *        catalogue; a location that matches no file fails start-up, and so does a definition whose id is
 *        already in the catalogue
 * @param builtIn whether the catalogue starts from the built-in instruments (default true); false gives a
 *        catalogue of the configured definitions only
 * @param submission limits of the submission validator
 * @param problemDetails RFC 9457 problem details for results that cannot be scored and rejected submissions
 * @since 0.1.0
 */
@ConfigurationProperties("imh-measures")
public record ImhMeasuresProperties(@DefaultValue List<String> definitions, @DefaultValue("true") boolean builtIn,
        @DefaultValue Submission submission, @DefaultValue ProblemDetails problemDetails) {

    /**
     * Copies the list.
     *
     * @param definitions locations of the service's own instrument definitions
     * @param builtIn whether the catalogue starts from the built-in instruments
     * @param submission limits of the submission validator
     * @param problemDetails problem details settings
     */
    public ImhMeasuresProperties {
        definitions = List.copyOf(definitions);
    }

    /**
     * Limits of the submission validator, prefix {@code imh-measures.submission} (defaults as
     * {@link SubmissionLimits#defaults()}).
     *
     * @param maxBytes the largest accepted submission, in bytes
     * @param maxDepth the deepest accepted nesting of arrays and objects
     * @param maxNumberLength the longest accepted number literal, in characters
     * @param maxStringLength the longest accepted string, in characters
     * @since 0.1.0
     */
    public record Submission(@DefaultValue("1048576") int maxBytes, @DefaultValue("16") int maxDepth,
            @DefaultValue("20") int maxNumberLength, @DefaultValue("10000") int maxStringLength) {

        /**
         * The limits these settings give.
         *
         * @return the limits
         * @throws IllegalArgumentException when a limit is out of its range
         */
        public SubmissionLimits limits() {
            return SubmissionLimits.defaults().withMaxBytes(maxBytes).withMaxDepth(maxDepth).withMaxNumberLength(
                    maxNumberLength).withMaxStringLength(maxStringLength);
        }
    }

    /**
     * Problem details settings, prefix {@code imh-measures.problem-details}.
     *
     * @param enabled whether the exception handler for NotScorableException and SubmissionRejectedException
     *        is registered in a servlet web application (default true)
     * @since 0.1.0
     */
    public record ProblemDetails(@DefaultValue("true") boolean enabled) {
    }
}
