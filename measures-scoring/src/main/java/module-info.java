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

    exports org.imhmeasures.scoring;
    exports org.imhmeasures.scoring.dataset;
}
