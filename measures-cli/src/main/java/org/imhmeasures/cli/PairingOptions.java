/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.dataset.ScorePairing;
import picocli.CommandLine.Option;

/**
 * {@code --pre TIMEPOINT --post TIMEPOINT|last [--date-column NAME]}: how rows of a score file are paired
 * ({@link ScorePairing}); shared by {@code change --from-scores}, {@code outcome} and {@code report}.
 */
final class PairingOptions {

    @Option(names = "--pre", paramLabel = "TIMEPOINT", defaultValue = "baseline",
            description = "timepoint of the pre score (default: ${DEFAULT-VALUE})")
    String pre;

    @Option(names = "--post", paramLabel = "TIMEPOINT|last", defaultValue = "last",
            description = "timepoint of the post score, or last: the latest dated timepoint after the pre one "
                    + "(default: ${DEFAULT-VALUE})")
    String post;

    @Option(names = "--date-column", paramLabel = "NAME", defaultValue = "date",
            description = "column with the ISO date of each score, for --post last (default: ${DEFAULT-VALUE})")
    String dateColumn;

    /** The pairing for {@code instrument} with {@code groups}; exit 2 when the timepoints are unusable. */
    ScorePairing pairing(Instrument instrument, List<String> groups) throws UsageException {
        if (pre.isBlank() || post.isBlank() || pre.equals(post)) {
            throw new UsageException("--post must differ from --pre: both " + (pre.isBlank() ? "empty" : pre));
        }
        return ScorePairing.of(pre, ScorePairing.Post.parse(post), groups).withDateColumn(dateColumn)
                .withInstrument(instrument.id());
    }

    /**
     * The score file of {@code instrument}: {@code path} itself, or in a directory written by
     * {@code score --output-dir} the CSV whose name, letters and digits only and case aside, is the
     * instrument id ({@code PHQ-9.csv}, {@code phq9.csv} and {@code phq-9.csv} all match PHQ-9).
     */
    static Path scoreFile(String option, Path path, Instrument instrument) throws CommandFailure {
        if (!Files.isDirectory(path)) {
            return path;
        }
        String key = key(instrument.id());
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*.csv")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (key(name.substring(0, name.length() - 4)).equals(key)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new CommandFailure(option + " must be a readable directory: " + RunFiles.name(path), e);
        }
        if (found.size() != 1) {
            throw new CommandFailure(option + " must hold one score file for " + instrument.id() + " (such as "
                    + instrument.id() + ".csv): " + (found.isEmpty() ? "none" : found.size() + " found") + " in "
                    + RunFiles.name(path), null);
        }
        return found.get(0);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
