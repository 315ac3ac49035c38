/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A host application that is a named module: scores with measures-scoring, maps to FHIR with measures-fhir.
 */
module org.example.clinic {
    requires org.imhmeasures.scoring;
    // automatic module (no descriptor: HAPI cannot run as a named module); HAPI itself stays on the class
    // path, read with --add-reads org.example.clinic=ALL-UNNAMED at compile time and at run time
    requires org.imhmeasures.fhir;

    exports org.example.clinic;
}
