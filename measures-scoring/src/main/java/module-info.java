/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * imh-measures scoring: pure, thread-safe scoring of administrations against the instrument definitions
 * of measures-core, reliable change, cohort statistics and streaming scoring of CSV and JSON Lines
 * datasets. Portal submission validation lives in measures-portal.
 *
 * @since 0.1.0
 */
module org.imhmeasures.scoring {
    requires static transitive org.jspecify;
    requires transitive org.imhmeasures.core;
    requires com.fasterxml.jackson.dataformat.csv;
    // Jackson 2 is part of the API of scoring.json only (its module, exception); elsewhere it stays inside
    requires transitive com.fasterxml.jackson.databind;
    // Problem marks what a JSON binder may serialise
    requires com.fasterxml.jackson.annotation;
    requires org.apache.commons.statistics.inference;
    requires org.apache.commons.statistics.distribution;
    requires org.apache.commons.statistics.descriptive;

    exports org.imhmeasures.scoring;
    exports org.imhmeasures.scoring.change;
    exports org.imhmeasures.scoring.cohort;
    exports org.imhmeasures.scoring.dataset;
    exports org.imhmeasures.scoring.mapping;
    exports org.imhmeasures.scoring.json;

    // found by ObjectMapper.findAndRegisterModules()
    provides com.fasterxml.jackson.databind.Module with org.imhmeasures.scoring.json.ImhMeasuresModule;
}
