/**
 * imh-measures scoring: pure, thread-safe scoring of administrations against the instrument definitions
 * of measures-core, and streaming scoring of CSV datasets.
 *
 * @since 0.1.0
 */
module org.imhmeasures.scoring {
    requires transitive org.imhmeasures.core;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.statistics.inference;
    requires org.apache.commons.statistics.distribution;
    requires org.apache.commons.statistics.descriptive;

    exports org.imhmeasures.scoring;
    exports org.imhmeasures.scoring.change;
    exports org.imhmeasures.scoring.cohort;
    exports org.imhmeasures.scoring.dataset;
}
