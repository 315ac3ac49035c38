/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Auto-configuration of imh-measures for Spring Boot 4 (listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}). Each bean backs
 * off when the application defines its own of the same type:
 *
 * <ul>
 *   <li>{@link Catalogue}: the built-in instruments ({@code imh-measures.built-in}) plus the definitions at
 *       {@code imh-measures.definitions};</li>
 *   <li>{@link ScorerCache} over that catalogue;</li>
 *   <li>{@link SubmissionValidator} with that catalogue and {@code imh-measures.submission.*} limits, closed
 *       when the application context closes;</li>
 *   <li>{@link ImhMeasuresJacksonModule}, the library's JSON wire form (docs/json.md), when Jackson 3 is
 *       present (Spring Boot registers every {@code JacksonModule} bean with its JSON mapper);</li>
 *   <li>the catalogue as Hibernate Validator's constraint validator payload, so {@code @KnownInstrument} on
 *       the application's own DTOs knows the service's instruments (when {@code spring-boot-validation} is
 *       present);</li>
 *   <li>{@link ImhProblemDetailsHandler} in a servlet web application, unless
 *       {@code imh-measures.problem-details.enabled=false}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties(ImhMeasuresProperties.class)
public class ImhMeasuresAutoConfiguration {

    /** Created by Spring. */
    public ImhMeasuresAutoConfiguration() {
    }

    /**
     * The catalogue: built-in instruments (unless {@code imh-measures.built-in=false}) and the service's
     * definitions.
     *
     * @param properties the settings
     * @param resources the application's resource loader
     * @return the catalogue
     * @throws BeanCreationException when a location matches no file, a definition is invalid or its id is
     *         already in the catalogue
     */
    @Bean
    @ConditionalOnMissingBean
    public Catalogue imhMeasuresCatalogue(ImhMeasuresProperties properties, ResourceLoader resources) {
        ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resources);
        Map<String, Instrument> byId = new LinkedHashMap<>();
        if (properties.builtIn()) {
            Catalogue.builtIn().instruments().forEach(i -> byId.put(i.id(), i));
        }
        for (String location : properties.definitions()) {
            for (Resource resource : resolve(resolver, location)) {
                String name = resource.getFilename() == null ? location : resource.getFilename();
                Instrument instrument;
                try (InputStream in = resource.getInputStream()) {
                    instrument = InstrumentDefinitions.read(in, name);
                } catch (IOException e) {
                    throw new BeanCreationException("imhMeasuresCatalogue", "imh-measures.definitions file must be "
                            + "readable: " + name, e);
                }
                if (byId.putIfAbsent(instrument.id(), instrument) != null) {
                    throw new BeanCreationException("imhMeasuresCatalogue", "imh-measures.definitions instrument id "
                            + "must not repeat one of the catalogue: " + instrument.id() + " in " + name);
                }
            }
        }
        return Catalogue.of(new ArrayList<>(byId.values()));
    }

    private static List<Resource> resolve(ResourcePatternResolver resolver, String location) {
        List<Resource> found = new ArrayList<>();
        try {
            for (Resource r : resolver.getResources(location)) {
                if (r.exists()) {
                    found.add(r);
                }
            }
        } catch (FileNotFoundException e) {
            // a pattern whose directory does not exist: no match, reported below
        } catch (IOException e) {
            throw new BeanCreationException("imhMeasuresCatalogue", "imh-measures.definitions location must be "
                    + "readable: " + location, e);
        }
        if (found.isEmpty()) {
            throw new BeanCreationException("imhMeasuresCatalogue", "imh-measures.definitions location must match "
                    + "at least one file: " + location);
        }
        return found;
    }

    /**
     * The scorer cache over the catalogue.
     *
     * @param catalogue the catalogue
     * @return the cache
     */
    @Bean
    @ConditionalOnMissingBean
    public ScorerCache imhMeasuresScorerCache(Catalogue catalogue) {
        return ScorerCache.of(catalogue);
    }

    /**
     * The submission validator, closed with the context.
     *
     * @param catalogue the catalogue
     * @param properties the settings
     * @return the validator
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SubmissionValidator imhMeasuresSubmissionValidator(Catalogue catalogue, ImhMeasuresProperties properties) {
        return SubmissionValidator.builder().catalogue(catalogue).limits(properties.submission().limits()).build();
    }

    /** The library's JSON wire form, when Jackson 3 is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    static class Json {

        @Bean
        @ConditionalOnMissingBean
        ImhMeasuresJacksonModule imhMeasuresJacksonModule() {
            return new ImhMeasuresJacksonModule();
        }
    }

    /** The catalogue as constraint validator payload of the application's validator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ValidationConfigurationCustomizer.class, HibernateValidatorConfiguration.class})
    static class Validation {

        @Bean
        ValidationConfigurationCustomizer imhMeasuresValidationPayload(Catalogue catalogue) {
            return configuration -> {
                if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                    hibernate.constraintValidatorPayload(catalogue);
                }
            };
        }
    }

    /** Problem details for the library's exceptions in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    @ConditionalOnBooleanProperty(name = "imh-measures.problem-details.enabled", matchIfMissing = true)
    static class ProblemDetails {

        @Bean
        @ConditionalOnMissingBean
        ImhProblemDetailsHandler imhMeasuresProblemDetailsHandler() {
            return new ImhProblemDetailsHandler();
        }
    }
}
