/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hl7.fhir.r4.model.Bundle;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.fhir.FhirScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fhir-score --input QR.json}: maps an inbound QuestionnaireResponse (FHIR R4 JSON) to an
 * administration of a catalogue instrument, scores it and prints the score Observation (pretty JSON), all in
 * {@link FhirScoring} (JSON limits, HAPI's parser with a strict handler, mapping, scoring).
 *
 * <p>A response that cannot be scored prints the {@code OperationOutcome} instead (one located issue per
 * problem) — or, when a critical item was answered at its alert level, a {@code collection} Bundle holding the
 * OperationOutcome and the alert Observation — and one line on standard error naming the first problem, exit
 * status 1. Messages never repeat what the file holds beyond code-shaped values.
 */
@Command(name = "fhir-score", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Score an inbound FHIR R4 QuestionnaireResponse and print its score Observation.",
        footerHeading = "%nExample:%n", footer = "  imh-measures fhir-score --input response.json",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class FhirScoreCommand implements Callable<Integer> {

    static final int MAX_BYTES = FhirScoring.MAX_BYTES;
    private static final int MAX_MESSAGE = 200;

    @ParentCommand
    private Main main;

    @Option(names = "--input", required = true, paramLabel = "QR.json",
            description = "a FHIR R4 QuestionnaireResponse as JSON, at most 1 MiB")
    private Path input;

    private FhirScoreCommand() {
    }

    @Override
    public Integer call() throws CommandFailure {
        return run(main.out);
    }

    private int run(PrintStream out) throws CommandFailure {
        String where = "--input " + input.getFileName() + ": ";
        if (!Files.isReadable(input) || Files.isDirectory(input)) {
            throw new CommandFailure("--input must be a readable file: " + input, null);
        }
        FhirScoring.Outcome outcome;
        try (InputStream in = Files.newInputStream(input)) {
            outcome = FhirScoring.of(Catalogue.builtIn()).score(in);
        } catch (IOException e) {
            throw new CommandFailure(where + "input must be readable: " + e.getClass().getSimpleName(), e);
        }
        IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true);
        if (outcome instanceof FhirScoring.Observed observed) {
            out.println(json.encodeResourceToString(observed.observation()));
            return 0;
        }
        FhirScoring.Refused refused = (FhirScoring.Refused) outcome;
        if (refused.alert().isPresent()) {
            Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
            bundle.addEntry().setResource(refused.operationOutcome());
            bundle.addEntry().setResource(refused.alert().get());
            out.println(json.encodeResourceToString(bundle));
        } else {
            out.println(json.encodeResourceToString(refused.operationOutcome()));
        }
        throw new CommandFailure(where + clean(refused.summary()), null);
    }

    /** One line, control characters escaped, clipped to {@value #MAX_MESSAGE} characters. */
    static String clean(String message) {
        // long quoted values (possibly patient text, over 60 characters) are cut to their first 40
        String oneLine = message == null ? "no detail" : message.replaceAll("\\s+", " ").strip()
                .replaceAll("\"([^\"]{40})[^\"]{20,}\"", "\"$1...\"");
        StringBuilder b = new StringBuilder();
        oneLine.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        String text = b.toString();
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
