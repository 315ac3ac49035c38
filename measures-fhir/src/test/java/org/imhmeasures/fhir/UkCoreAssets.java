/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupportWrapper;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The UK Core conformance resources vendored in the test resources under {@value #FOLDER} (see its
 * {@code SOURCE.txt}): the StructureDefinitions, ValueSets and CodeSystems listed in {@value #INDEX}, read from
 * the class path as XML, unmodified.
 *
 * <p>Nothing here is optional. A file listed in the index that is absent or does not parse is recorded in
 * {@link #missing()}; a URL in UK Core's namespaces ({@link #isUkCoreUrl}) that the validator asks for and the
 * vendored set cannot answer is recorded in {@link #unresolved()}. {@link Validation} turns either into an
 * assertion failure naming the resource, so a missing resource fails the UK Core checks instead of weakening
 * them.
 */
final class UkCoreAssets {

    /** Class-path folder of the vendored assets. */
    static final String FOLDER = "uk-core/";
    /** The list of vendored files, one path relative to {@value #FOLDER} per line ({@code #} starts a comment). */
    static final String INDEX = FOLDER + "INDEX.txt";
    /** Every UK Core canonical URL starts with this. */
    static final String CANONICAL_BASE = "https://fhir.hl7.org.uk/";
    /**
     * UK Core also defines cross-version extensions, in HL7's {@code http://hl7.org/fhir/<version>/} namespace
     * (for example {@code http://hl7.org/fhir/6.0/StructureDefinition/extension-Condition.bodyStructure}).
     */
    private static final Pattern CROSS_VERSION = Pattern.compile("http://hl7\\.org/fhir/[0-9]+\\.[0-9]+/.*");

    private final PrePopulatedValidationSupport resources;
    private final List<String> listed;
    private final List<String> missing;
    private final Set<String> unresolved = new ConcurrentSkipListSet<>();

    private UkCoreAssets(PrePopulatedValidationSupport resources, List<String> listed, List<String> missing) {
        this.resources = resources;
        this.listed = listed;
        this.missing = missing;
    }

    /** Whether {@code url} is in a namespace whose resources must come from the vendored set. */
    static boolean isUkCoreUrl(String url) {
        return url.startsWith(CANONICAL_BASE) || CROSS_VERSION.matcher(url).matches();
    }

    /** Reads every file the index lists; never throws for a missing or broken file (see {@link #missing()}). */
    static UkCoreAssets load(FhirContext context) {
        return load(context, index());
    }

    /** Reads {@code listed} (paths relative to {@value #FOLDER}); an empty list counts the index as missing. */
    static UkCoreAssets load(FhirContext context, List<String> listed) {
        PrePopulatedValidationSupport resources = new PrePopulatedValidationSupport(context);
        List<String> missing = new ArrayList<>();
        if (listed.isEmpty()) {
            missing.add(INDEX);
        }
        for (String file : listed) {
            try (InputStream in = UkCoreAssets.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    missing.add(FOLDER + file);
                    continue;
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    IBaseResource resource = context.newXmlParser().parseResource(reader);
                    if (resource instanceof StructureDefinition) {
                        resources.addStructureDefinition(resource);
                    } else if (resource instanceof ValueSet) {
                        resources.addValueSet(resource);
                    } else if (resource instanceof CodeSystem) {
                        resources.addCodeSystem(resource);
                    } else {
                        missing.add(FOLDER + file + " (not a StructureDefinition, ValueSet or CodeSystem)");
                    }
                }
            } catch (IOException | RuntimeException e) {
                missing.add(FOLDER + file + " (" + e.getMessage() + ")");
            }
        }
        return new UkCoreAssets(resources, List.copyOf(listed), List.copyOf(missing));
    }

    /** The paths {@value #INDEX} lists, in order; empty when the index is absent. */
    static List<String> index() {
        try (InputStream in = UkCoreAssets.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            List<String> files = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String file = line.strip();
                    if (!file.isEmpty() && !file.startsWith("#")) {
                        files.add(file);
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files the index lists, relative to {@value #FOLDER}. */
    List<String> listed() {
        return listed;
    }

    /** Listed files that are absent from the class path or do not parse, with {@value #FOLDER} prefixed. */
    List<String> missing() {
        return missing;
    }

    /** UK Core canonical URLs the validator asked for that no vendored resource answers, in order. */
    Set<String> unresolved() {
        return Collections.unmodifiableSet(new TreeSet<>(unresolved));
    }

    /** Drops {@code url} from {@link #unresolved()}: for a negative check that looks up a URL on purpose. */
    void forget(String url) {
        unresolved.remove(url);
    }

    /** Whether a StructureDefinition with this canonical URL is vendored. */
    boolean hasStructureDefinition(String url) {
        return resources.fetchStructureDefinition(url) != null;
    }

    /** The vendored resources as a validation support that records the UK Core URLs it cannot answer. */
    IValidationSupport support() {
        return new Recording(resources);
    }

    private final class Recording extends BaseValidationSupportWrapper {

        Recording(PrePopulatedValidationSupport delegate) {
            super(delegate.getFhirContext(), delegate);
        }

        @Override
        public String getName() {
            return "UK Core (vendored test resources)";
        }

        private <T> T record(String url, T answer) {
            if (answer == null && url != null && isUkCoreUrl(url)) {
                unresolved.add(url);
            }
            return answer;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            return record(url, super.fetchResource(type, url));
        }

        @Override
        public IBaseResource fetchStructureDefinition(String url) {
            return record(url, super.fetchStructureDefinition(url));
        }

        @Override
        public IBaseResource fetchValueSet(String url) {
            return record(url, super.fetchValueSet(url));
        }

        @Override
        public IBaseResource fetchCodeSystem(String url) {
            return record(url, super.fetchCodeSystem(url));
        }

        @Override
        public boolean isCodeSystemSupported(ValidationSupportContext context, String system) {
            boolean supported = super.isCodeSystemSupported(context, system);
            record(system, supported ? Boolean.TRUE : null);
            return supported;
        }

        @Override
        public boolean isValueSetSupported(ValidationSupportContext context, String url) {
            boolean supported = super.isValueSetSupported(context, url);
            record(url, supported ? Boolean.TRUE : null);
            return supported;
        }
    }
}
