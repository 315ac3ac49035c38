/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;

/**
 * One competency: an id {@code <domain>.<nn>} (e.g. {@code 1.01}), its domain, its theme, and, where a
 * licensed copy was loaded, its statements per level.
 *
 * @param id the id, {@code <domain number>.<two digits>}
 * @param domainId the id of its domain
 * @param theme the theme heading it is grouped under, if known
 * @param statements statements by level id; empty in the shipped data (the wording is copyright)
 * @param source where the id is published
 * @since 0.1.0
 */
public record Competency(String id, String domainId, Optional<Theme> theme, Map<String, Statement> statements,
        Source source) {

    /**
     * Validates and copies.
     *
     * @param id the id, {@code <domain number>.<two digits>}
     * @param domainId the id of its domain
     * @param theme the theme heading it is grouped under, if known
     * @param statements statements by level id; empty in the shipped data (the wording is copyright)
     * @param source where the id is published
     */
    public Competency {
        id = Check.notBlank(id, "competency id");
        Check.argument(id.matches("\\d{1,2}\\.\\d{2}"), "competency id must look like <domain>.<nn>: %s", id);
        domainId = Check.notBlank(domainId, "competency domain");
        Check.argument(id.startsWith(domainId + "."), "competency id must start with its domain number %s: %s",
                domainId, id);
        Check.notNull(theme, "theme");
        statements = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(statements, "statements")));
        Check.notNull(source, "competency source");
    }

    /**
     * A theme heading spanning a range of competencies, e.g. {@code 1.01-1.03 Collaborative working}.
     *
     * @param id the range, e.g. {@code 1.01-1.03}
     * @param label the heading
     */
    public record Theme(String id, String label) {
        /**
         * Validates.
         *
         * @param id the range, e.g. {@code 1.01-1.03}
         * @param label the heading
         */
        public Theme {
            id = Check.notBlank(id, "theme id");
            label = Check.notBlank(label, "theme label");
        }
    }

    /**
     * The wording of a competency at one level: a knowledge statement and an ability statement.
     *
     * @param knowledge the knowledge statement
     * @param ability the ability statement
     */
    public record Statement(String knowledge, String ability) {
        /**
         * Validates.
         *
         * @param knowledge the knowledge statement
         * @param ability the ability statement
         */
        public Statement {
            knowledge = Check.notBlank(knowledge, "knowledge statement");
            ability = Check.notBlank(ability, "ability statement");
        }
    }
}
