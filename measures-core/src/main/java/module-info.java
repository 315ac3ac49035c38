/**
 * imh-measures core: typed, immutable infant mental health instrument definitions and the built-in
 * catalogue, the care model, the risk taxonomy, the competency framework and service models. No patient data is held here; see measures-scoring for scoring administrations.
 *
 * @since 0.1.0
 */
module org.imhmeasures.core {
    requires com.fasterxml.jackson.databind;

    exports org.imhmeasures.core;
    exports org.imhmeasures.core.instrument;
    exports org.imhmeasures.core.care;
    exports org.imhmeasures.core.risk;
    exports org.imhmeasures.core.competency;
    exports org.imhmeasures.core.service;
    // shared precondition helper for our own modules only; not API
    exports org.imhmeasures.core.internal to org.imhmeasures.scoring, org.imhmeasures.fhir;
}
