/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;

/**
 * One offline FHIR R4 validator for the test suite, built once (it takes seconds to start): base R4
 * definitions, in-memory terminology, common code systems, snapshot generation, and a pre-populated
 * support holding our Questionnaires and score CodeSystem plus, when {@code shared/fhir/uk-core} is found
 * above the working directory, the UK Core StructureDefinitions, ValueSets and CodeSystems (XML).
 */
final class Validation {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    static final String UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/";

    private static final Optional<Path> UK_CORE_DIR = findUkCore();
    private static final FhirValidator VALIDATOR = build();

    private Validation() {
    }

    /** {@code shared/fhir/uk-core}, found by walking up from the working directory. */
    static Optional<Path> ukCoreDir() {
        return UK_CORE_DIR;
    }

    private static Optional<Path> findUkCore() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fhir").resolve("uk-core");
            if (Files.isDirectory(candidate.resolve("structuredefinitions"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static FhirValidator build() {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(CONTEXT);
        Map<String, Questionnaire> questionnaires = new HashMap<>();
        for (Instrument instrument : Catalogue.builtIn().instruments()) {
            Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(instrument);
            questionnaires.put(questionnaire.getUrl(), questionnaire);
            questionnaires.put(FhirUris.versionedQuestionnaire(instrument), questionnaire);
        }
        ours.addCodeSystem(ScoreMapping.codeSystem(Catalogue.builtIn()));
        CareMapping.codeSystems(org.imhmeasures.core.risk.RiskTaxonomy.builtIn()).forEach(ours::addCodeSystem);
        UK_CORE_DIR.ifPresent(dir -> {
            load(dir.resolve("structuredefinitions")).forEach(ours::addStructureDefinition);
            load(dir.resolve("valuesets")).forEach(ours::addValueSet);
            load(dir.resolve("codesystems")).forEach(ours::addCodeSystem);
        });
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                new Questionnaires(questionnaires),
                ours,
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        FhirValidator validator = CONTEXT.newValidator();
        validator.registerValidatorModule(module);
        return validator;
    }

    /** Resolves our Questionnaires by canonical URL, so that responses are checked against them. */
    private record Questionnaires(Map<String, Questionnaire> byUrl) implements IValidationSupport {
        @Override
        public FhirContext getFhirContext() {
            return CONTEXT;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            if (type != null && !type.isAssignableFrom(Questionnaire.class)) {
                return null;
            }
            Questionnaire questionnaire = byUrl.get(url);
            return questionnaire == null ? null : type == null ? null : type.cast(questionnaire);
        }
    }

    private static List<IBaseResource> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<IBaseResource> resources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().collect(Collectors.toList())) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    resources.add(CONTEXT.newXmlParser().parseResource(reader));
                }
            }
            return resources;
        } catch (IOException e) {
            throw new IllegalStateException("uk core folder must be readable: " + dir, e);
        }
    }

    /** Validates against base R4, or against {@code profile} when given. */
    static List<SingleValidationMessage> validate(Resource resource, Optional<String> profile) {
        Resource copy = resource.copy();
        profile.ifPresent(url -> copy.getMeta().setProfile(List.of(new CanonicalType(url))));
        ValidationResult result = VALIDATOR.validateWithResult(copy);
        return result.getMessages();
    }

    /** Messages at error or fatal severity. */
    static List<SingleValidationMessage> errors(List<SingleValidationMessage> messages) {
        return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                || m.getSeverity() == ResultSeverityEnum.FATAL).collect(Collectors.toList());
    }

    static String describe(List<SingleValidationMessage> messages) {
        return messages.stream().map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }
}
