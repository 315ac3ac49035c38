/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import com.fasterxml.jackson.core.util.VersionUtil;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.imhmeasures.core.LibraryVersion;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.cohort.CohortReport;

/**
 * The Jackson 2 module of the JSON wire form ({@code docs/json.md}): register it and a plain
 * {@code ObjectMapper} writes {@link Scored}, {@link NotScorable} (and any {@link ScoreResult}),
 * {@link ChangeResult}s, {@link Problem}s and {@link CohortReport}s in the form of {@link WireForm}, and
 * reads an {@link AdministrationRequest}.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new ImhMeasuresModule());
 * String json = mapper.writeValueAsString(scorer.score(administration));
 * AdministrationRequest request = mapper.readValue(body, AdministrationRequest.class);
 * }</pre>
 *
 * <p>Also found by {@code ObjectMapper.findAndRegisterModules()} (a service of the module path and of
 * {@code META-INF/services}). Works with jackson-databind 2.16 or newer. The module holds no state;
 * the mapper it is registered on decides indentation only: numbers are always in plain notation, and the
 * reader applies its own checks (unknown fields refused, duplicate keys refused, answer and length limits)
 * whatever the mapper's features.
 *
 * @since 0.1.0
 */
public final class ImhMeasuresModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public ImhMeasuresModule() {
        super("imh-measures", VersionUtil.parseVersion(LibraryVersion.current(), "org.imhmeasures",
                "measures-scoring"));
        addSerializer(ScoreResult.class, new FormSerializer<>(ScoreResult.class));
        addSerializer(Scored.class, new FormSerializer<>(Scored.class));
        addSerializer(NotScorable.class, new FormSerializer<>(NotScorable.class));
        addSerializer(ChangeResult.class, new FormSerializer<>(ChangeResult.class));
        addSerializer(ChangeResult.Assessed.class, new FormSerializer<>(ChangeResult.Assessed.class));
        addSerializer(ChangeResult.NotAssessable.class, new FormSerializer<>(ChangeResult.NotAssessable.class));
        addSerializer(Problem.class, new FormSerializer<>(Problem.class));
        addSerializer(CohortReport.class, new FormSerializer<>(CohortReport.class));
        addDeserializer(AdministrationRequest.class, new AdministrationDeserializer());
    }
}
