/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * imh-measures portal: validation and scoring of portal submissions (one referral with its episode and
 * administrations as a JSON document) with Jakarta Validation, and pooled referral profiles. The only
 * module that needs Jakarta Validation and Hibernate Validator; measures-scoring stays free of them.
 *
 * @since 0.1.0
 */
module org.imhmeasures.portal {
    requires static transitive org.jspecify;
    requires transitive org.imhmeasures.scoring;
    requires transitive org.imhmeasures.core;
    requires com.fasterxml.jackson.databind;
    // the public constraints are Jakarta Validation annotations
    requires transitive jakarta.validation;
    requires org.hibernate.validator;

    exports org.imhmeasures.portal.submission;
    exports org.imhmeasures.portal.profile;
    // constraints for a host's own DTOs
    exports org.imhmeasures.portal.constraints;

    // Hibernate Validator reads the submission DTOs, constraint annotations and validators reflectively
    opens org.imhmeasures.portal.submission.internal to org.hibernate.validator;
    // the host's validation provider, or its framework's constraint validator factory (e.g. Spring's), creates
    // the validators of the public constraints: open to every module, as the host's factory is not known here
    opens org.imhmeasures.portal.constraints.internal;
}
