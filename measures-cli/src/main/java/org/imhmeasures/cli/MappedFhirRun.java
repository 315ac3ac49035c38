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
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.fhir.AdministrationKey;
import org.imhmeasures.fhir.DatasetResources;
import org.imhmeasures.fhir.ResponseMapping;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.Timepoint;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.RejectsCsv;
import org.imhmeasures.scoring.dataset.Row;
import org.imhmeasures.scoring.dataset.RowHandler;
import org.imhmeasures.scoring.mapping.Block;
import org.imhmeasures.scoring.mapping.MappedScoring;
import org.imhmeasures.scoring.mapping.MappedSummary;
import org.imhmeasures.scoring.mapping.Mapping;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code fhir} command with a mapping ({@code --map}): the export is read and scored as {@code score --map}
 * reads it ({@link MappedScoring}), and each administration becomes resources with stable ids
 * ({@link DatasetResources}): loose NDJSON, or with {@code --bundle} one transaction Bundle per record per line.
 *
 * <p>On top of the mapping's own rejections, an administration is rejected as {@code unknown_timepoint} when its
 * timepoint (copied from the export without a {@code timepoints} table) is none of the FHIR timepoint codes, and
 * as {@code duplicate_administration} when an earlier one of the run has the same record id, instrument,
 * timepoint and date (it would get the same ids). Such rows stay counted: read = mapped + rejected + not
 * administered, per instrument. An instrument that records answers only gives each administration's
 * QuestionnaireResponse alone (no score, so no Observation).
 */
final class MappedFhirRun {

    /** The most resources held in memory to group a record's Bundle. */
    static final int MAX_BUNDLED_RESOURCES = 200_000;

    private static final String TIMEPOINT_CODES = "baseline, review, discharge, follow-up";

    private final Main main;
    private final CommandSpec spec;
    private final Catalogue catalogue;
    private final ScoringOptions options;
    private final DatasetResources resources;
    private final CsvCells cells;
    private final RejectLimit rejectLimit;
    private final boolean bundle;

    MappedFhirRun(Main main, CommandSpec spec, Catalogue catalogue, ScoringOptions options, DatasetResources resources,
            CsvCells cells, RejectLimit rejectLimit, boolean bundle) {
        this.main = main;
        this.spec = spec;
        this.catalogue = catalogue;
        this.options = options;
        this.resources = resources;
        this.cells = cells;
        this.rejectLimit = rejectLimit;
        this.bundle = bundle;
    }

    int run(Path mapFile, Path input, String instrumentId, List<String> instrumentIds, Path output, Path rejects,
            Path outputDir, CatalogueOptions catalogueOptions) throws CommandFailure, OutputFiles.SameFileException {
        Mapping mapping = MappedRun.read(mapFile, catalogue);
        requireFhirTimepoints(mapping);
        List<Instrument> instruments = MappedRun.select(spec, catalogue, mapping, instrumentId, instrumentIds);
        MappedRun.Outputs named = MappedRun.Outputs.of(instruments, outputDir, ".ndjson", output, rejects);
        Map<String, OutputFiles.Named> outputs = named.results();
        Map<String, Optional<OutputFiles.Named>> rejectFiles = named.rejects();
        MappedScoring scoring = MappedRun.scoring(mapping, instruments, options);
        List<OutputFiles.Named> all = new ArrayList<>();
        for (Instrument instrument : instruments) {
            rejectFiles.get(instrument.id()).ifPresent(all::add);
            all.add(outputs.get(instrument.id()));
        }
        Map<String, Resources> handlers = new LinkedHashMap<>();
        Map<String, MappedSummary> summaries;
        IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
        // outputs go to temporary files, moved into place only when the whole export was read
        try (OutputFiles files = RunFiles.open(catalogueOptions.inputs(OutputFiles.Named.of("--input", input),
                        OutputFiles.Named.of("--map", mapFile)), all);
                InputStream bytes = Files.newInputStream(input);
                Reader in = scoring.open(bytes)) {
            for (Instrument instrument : instruments) {
                Optional<OutputFiles.Named> rejectFile = rejectFiles.get(instrument.id());
                handlers.put(instrument.id(), new Resources(instrument, json,
                        files.writer(outputs.get(instrument.id()).path()), rejectFile.isPresent()
                                ? Optional.of(RejectsCsv.of(files.writer(rejectFile.get().path()), cells))
                                : Optional.empty()));
            }
            summaries = scoring.run(in, new LinkedHashMap<String, RowHandler>(handlers));
            for (Resources handler : handlers.values()) {
                handler.writeBundles();
            }
            files.commit();
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + input.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
        }
        PrintStream out = main.out;
        long read = 0;
        long rejected = 0;
        for (Instrument instrument : instruments) {
            MappedSummary summary = summaries.get(instrument.id());
            Resources handler = handlers.get(instrument.id());
            long instrumentRejected = summary.rowsRejected() + handler.rejectedHere;
            read += summary.rowsRead();
            rejected += instrumentRejected;
            out.println(instrument.id() + " " + instrument.definitionVersion() + ": rows read " + summary.rowsRead()
                    + " = mapped " + (summary.rowsScored() - handler.rejectedHere) + " + rejected "
                    + instrumentRejected + " + not administered " + summary.rowsNotAdministered()
                    + (rejectFiles.get(instrument.id()).isEmpty() && instrumentRejected > 0
                            ? " (rejects not kept: give --rejects)" : "")
                    + (bundle ? "; " + handler.bundles + " transaction Bundles" : ""));
            if (handler.alerts > 0) {
                out.println("  alert Observations written for " + handler.alerts
                        + " rejected rows with a critical-item alert (counted in rejected)");
            }
            if (handler.alertsInRejectsOnly > 0) {
                out.println("  critical-item alerts (or unanswered critical items) in " + handler.alertsInRejectsOnly
                        + " rejected rows that repeat an administration or have no FHIR timepoint: no FHIR alert "
                        + "for them; see the rejects and act on them there");
            }
        }
        return MaxRejects.status(rejectLimit.value(), rejected, read, main.err);
    }

    /** Every timepoint the mapping can produce must be a FHIR timepoint code (values copied are checked per row). */
    private static void requireFhirTimepoints(Mapping mapping) throws CommandFailure {
        List<String> targets = new ArrayList<>(mapping.timepoints().values());
        for (List<Block> blocks : mapping.instruments().values()) {
            blocks.forEach(b -> b.timepoint().ifPresent(targets::add));
        }
        for (String target : targets) {
            if (timepoint(target).isEmpty()) {
                throw new CommandFailure("--map timepoints must each be one of " + TIMEPOINT_CODES
                        + " for fhir (the timepoint extension's codes): \"" + clip(target) + "\"", null);
            }
        }
    }

    /** A FHIR timepoint code, ignoring case and {@code _} for {@code -}; empty for anything else. */
    static Optional<Timepoint> timepoint(String value) {
        String code = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Timepoint t : Timepoint.values()) {
            if (ResponseMapping.timepointCode(t).equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** One instrument's resources: written as they come, or grouped per record for its Bundle. */
    private final class Resources implements RowHandler {
        private final Instrument instrument;
        private final IParser json;
        private final Writer out;
        private final Optional<RejectsCsv> rejects;
        private final Set<String> written = new HashSet<>();
        private final Map<String, List<Resource>> byRecord = new LinkedHashMap<>();
        private long held;
        long rejectedHere;
        long alerts;
        long alertsInRejectsOnly;
        long bundles;

        Resources(Instrument instrument, IParser json, Writer out, Optional<RejectsCsv> rejects) {
            this.instrument = instrument;
            this.json = json;
            this.out = out;
            this.rejects = rejects;
        }

        @Override
        public void header(List<String> header) throws IOException {
            if (rejects.isPresent()) {
                rejects.get().header(header);
            }
        }

        @Override
        public void scored(Row row, Scored scored, Supplier<Administration> answers) throws IOException {
            Optional<Timepoint> timepoint = timepoint(row.timepoint());
            if (!row.timepoint().isEmpty() && timepoint.isEmpty()) {
                reject(row, scored, "unknown_timepoint", "timepoint must be one of "
                        + TIMEPOINT_CODES + " for fhir: unlisted value");
                return;
            }
            Administration administration = answers.get();
            Optional<LocalDate> date = date(row);
            if (date.isPresent()) {
                administration = administration.withDate(date.get());
            }
            if (timepoint.isPresent()) {
                administration = administration.withTimepoint(timepoint.get());
            }
            AdministrationKey key = AdministrationKey.of(row.recordId(), administration);
            if (!written.add(key.id("Observation"))) {
                reject(row, scored, "duplicate_administration", "administration must be the only "
                        + "one of its record, instrument, timepoint and date: repeated");
                return;
            }
            QuestionnaireResponse response = resources.response(instrument, administration, key);
            if (!instrument.scored()) {
                emit(row, response); // answers only: no score, so no Observation; the response is the record
                return;
            }
            Observation observation = resources.observation(instrument, scored, response, key);
            emit(row, response, observation);
        }

        @Override
        public void rejected(Row row, Rejection rejection) throws IOException {
            if (rejects.isPresent()) {
                rejects.get().rejected(row, rejection);
            }
            if (rejection.result().isEmpty() || rejection.criticalAlerts().isEmpty() || row.recordId().isEmpty()) {
                return;
            }
            Optional<Timepoint> timepoint = timepoint(row.timepoint());
            AdministrationKey key = new AdministrationKey(row.recordId(), instrument.id(), timepoint, date(row));
            if ((!row.timepoint().isEmpty() && timepoint.isEmpty()) || !written.add(key.id("Observation"))) {
                // the alert cannot get its own stable id: the rejects row (critical_items) carries it
                alertsInRejectsOnly++;
                return;
            }
            // no score, but the alert must reach the record system
            emit(row, resources.alert(instrument, rejection.result().get(), key));
            alerts++;
        }

        @Override
        public void finish(DatasetSummary summary) throws IOException {
            if (rejects.isPresent()) {
                rejects.get().finish(summary);
            }
        }

        /** A scored administration that cannot be written; its critical items are named in the message. */
        private void reject(Row row, Scored scored, String reason, String message) throws IOException {
            rejectedHere++;
            StringBuilder text = new StringBuilder(message);
            if (!scored.criticalAlerts().isEmpty()) {
                text.append("; critical item at alert level: ").append(String.join(";",
                        scored.criticalAlerts().stream().map(CriticalAlert::itemId).toList()));
            }
            if (!scored.criticalUnanswered().isEmpty()) {
                text.append("; critical item unanswered (alert status unknown): ").append(String.join(";",
                        scored.criticalUnanswered().stream().map(CriticalItemUnanswered::itemId).toList()));
            }
            if (!scored.criticalAlerts().isEmpty() || !scored.criticalUnanswered().isEmpty()) {
                alertsInRejectsOnly++;
            }
            if (rejects.isPresent()) {
                rejects.get().rejected(row, Rejection.of(reason, text.toString()));
            }
        }

        private void emit(Row row, Resource... made) throws IOException {
            if (!bundle) {
                for (Resource resource : made) {
                    out.write(json.encodeResourceToString(resource));
                    out.write('\n');
                }
                return;
            }
            held += made.length;
            if (held > MAX_BUNDLED_RESOURCES) {
                throw new DatasetException(row.line(), "--bundle must group at most " + MAX_BUNDLED_RESOURCES
                        + " resources in memory: more (split the export, or leave out --bundle)", null);
            }
            byRecord.computeIfAbsent(row.recordId(), r -> new ArrayList<>()).addAll(List.of(made));
        }

        void writeBundles() throws IOException {
            for (List<Resource> record : byRecord.values()) {
                out.write(json.encodeResourceToString(DatasetResources.transaction(record)));
                out.write('\n');
                bundles++;
            }
            byRecord.clear();
            out.flush();
        }
    }

    /** A mapping file's value for a message: one line, at most 40 characters. */
    private static String clip(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }

    private static Optional<LocalDate> date(Row row) {
        String iso = row.passThrough().getOrDefault(Mapping.DATE, "");
        return iso.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(iso));
    }
}
