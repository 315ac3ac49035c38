/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.portal.constraints.KnownInstrument;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.json.ImhMeasuresModule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** The auto-configuration's beans, settings and back-off, in application contexts as Spring Boot builds them. */
class ImhMeasuresAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(ImhMeasuresAutoConfiguration.class));

    record Due(@KnownInstrument String instrument) { }

    @Test
    void defaults_giveTheBuiltInCatalogue_aScorerCache_andAValidatorOverIt() {
        runner.run(context -> {
            Catalogue catalogue = context.getBean(Catalogue.class);
            assertEquals(Catalogue.builtIn().instruments().size(), catalogue.instruments().size());
            assertSame(catalogue, context.getBean(ScorerCache.class).catalogue());
            assertSame(catalogue, context.getBean(SubmissionValidator.class).catalogue());
            assertTrue(context.getBean(ImhMeasuresJacksonModule.class) != null);
            assertFalse(context.containsBean("imhMeasuresProblemDetailsHandler"), "not a web application");
        });
    }

    @Test
    void definitions_areAddedToTheBuiltInCatalogue_andScored() {
        runner.withPropertyValues("imh-measures.definitions=classpath:measures/*.json").run(context -> {
            Catalogue catalogue = context.getBean(Catalogue.class);
            assertTrue(catalogue.find("TEAM-CHECK").isPresent());
            assertTrue(catalogue.find("PHQ-9").isPresent());
            Scored scored = (Scored) context.getBean(ScorerCache.class).score(Administration.of("TEAM-CHECK", Map.of(
                    "teamcheck_1", "2", "teamcheck_2", "1"))).orElseThrow();
            assertEquals(3, scored.rawTotal().getAsInt());
            assertSame(context.getBean(ScorerCache.class).find("TEAM-CHECK").orElseThrow(), context.getBean(
                    ScorerCache.class).find("TEAM-CHECK").orElseThrow(), "one scorer per instrument");
        });
    }

    @Test
    void builtInOff_givesOnlyTheServicesDefinitions() {
        runner.withPropertyValues("imh-measures.definitions=classpath:measures/team-check.json",
                "imh-measures.built-in=false").run(context -> assertEquals(List.of("TEAM-CHECK"), context.getBean(
                        Catalogue.class).instruments().stream().map(i -> i.id()).toList()));
    }

    @Test
    void aDefinitionRepeatingAnId_orALocationWithoutFiles_failsStartUp_sayingWhich() {
        runner.withPropertyValues(
                "imh-measures.definitions=classpath:measures/team-check.json,classpath:team-check-again.json").run(context -> {
            assertNotNull(context.getStartupFailure());
            assertTrue(messages(context.getStartupFailure()).contains("must not repeat one of the catalogue: TEAM-CHECK in team-check-again.json"),
                    messages(context.getStartupFailure()));
        });
        runner.withPropertyValues("imh-measures.definitions=classpath:no-such/*.json").run(context -> assertTrue(
                messages(context.getStartupFailure()).contains("must match at least one file: classpath:no-such/*.json")));
    }

    @Test
    void submissionLimits_comeFromTheProperties() {
        runner.withPropertyValues("imh-measures.submission.max-bytes=2048").run(context -> assertEquals(2048, context
                .getBean(SubmissionValidator.class).limits().maxBytes()));
    }

    @Test
    void theSubmissionValidator_isClosedWithTheContext() {
        SubmissionValidator[] validator = new SubmissionValidator[1];
        runner.run(context -> validator[0] = context.getBean(SubmissionValidator.class));
        assertThrows(IllegalStateException.class, () -> validator[0].validate("{}"));
    }

    @Test
    void hostBeans_winOverTheAutoConfiguredOnes() {
        Catalogue own = Catalogue.of(List.of(Catalogue.builtIn().get("GAD-7")));
        runner.withBean(Catalogue.class, () -> own).run(context -> {
            assertSame(own, context.getBean(Catalogue.class));
            assertSame(own, context.getBean(ScorerCache.class).catalogue());
        });
    }

    @Test
    void knownInstrument_onTheHostsDtos_knowsTheServicesInstruments() {
        runner.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withPropertyValues(
                "imh-measures.definitions=classpath:measures/*.json").run(context -> {
                    Validator validator = context.getBean(Validator.class);
                    assertTrue(validator.validate(new Due("TEAM-CHECK")).isEmpty());
                    assertEquals(1, validator.validate(new Due("NO-SUCH")).size());
                });
    }

    @Test
    void jsonMapper_ofSpringBoot_writesResultsInTheWireForm() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class)).run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Scored scored = (Scored) context.getBean(ScorerCache.class).score(Administration.of("GAD-7", Map.of(
                    "gad7_1", "1", "gad7_2", "1", "gad7_3", "1", "gad7_4", "1", "gad7_5", "1", "gad7_6", "1",
                    "gad7_7", "1"))).orElseThrow();
            String json = mapper.writeValueAsString(scored);
            assertTrue(json.startsWith("{\"format\":\"imh-measures/result@1\",\"status\":\"scored\",\"provenance\":"
                    + "{\"instrumentId\":\"GAD-7\""), json);
            assertTrue(json.contains("\"total\":7,"), json);
            // the one wire form: what the library's Jackson 2 module writes
            assertEquals(new ObjectMapper().registerModule(new ImhMeasuresModule()).writeValueAsString(scored), json);
        });
    }

    @Test
    void problemDetailsHandler_isRegisteredInAServletApplication_unlessSwitchedOff() {
        WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                ImhMeasuresAutoConfiguration.class));
        web.run(context -> assertTrue(context.containsBean("imhMeasuresProblemDetailsHandler")));
        web.withPropertyValues("imh-measures.problem-details.enabled=false").run(context -> assertFalse(context
                .containsBean("imhMeasuresProblemDetailsHandler")));
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
