/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.fhir.DatasetResources;
import org.imhmeasures.fhir.ResponseMapping;
import org.imhmeasures.fhir.ScoreMapping;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;
import org.imhmeasures.scoring.dataset.RejectsCsv;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.Row;
import org.imhmeasures.scoring.dataset.RowHandler;

/**
 * {@code fhir --instrument ID --input IN.csv --output OUT.ndjson [--rejects REJ.csv] [--missing strict|prorate]
 * [--subject-system URI] [--raw-csv] [--max-rejects N|P%]}: scores each row of a wide CSV and writes, per scored
 * row, its QuestionnaireResponse and score Observation as NDJSON (one compact resource per line, QR first).
 *
 * <p>Input rules are those of {@code score} ({@link DatasetScoring}, wide format): a header with
 * {@code record_id} and item-id columns, other columns ignored, an empty cell a missing answer, default
 * (strict) missing-item policy of the instrument unless {@code --missing} says otherwise (a prorated total
 * says so in the Observation's {@code note}). Rows that cannot be scored go to {@code --rejects} as
 * {@code line,record_id,reason,message,critical_items,critical_unanswered}, written by the same
 * {@link RejectsCsv} as for {@code score}, with the same reasons ({@code malformed_row},
 * {@code missing_record_id} and the scorer's problem codes). Ids are {@code qr-<line>}
 * and {@code obs-<line>} (the row's first physical line); the pseudonymous {@code record_id} is kept as the
 * QuestionnaireResponse's identifier in system {@value #RECORD_ID_SYSTEM}; no subject unless
 * {@code --subject-system URI} makes it {@code subject.identifier} (the record id in that system). Text cells
 * of the rejects are neutralised against formula injection ({@link CsvCells}) unless {@code --raw-csv} is
 * given; outputs appear only when the run completed ({@link OutputFiles}); no output may be an input
 * ({@code --input}, {@code --definition}, {@code --wording}).
 *
 * <p>An instrument that records answers only (scoring method {@code answers_only}, a feedback question) has no
 * score: each mapped row gives its QuestionnaireResponse alone, no Observation (see {@code docs/fhir.md}).
 *
 * <p>A rejected row with a critical-item alert must still reach the record system: besides its reject row,
 * the NDJSON gets its alert Observation ({@link ScoreMapping#toAlertObservation}, id {@code alert-<line>},
 * the record id as its identifier in {@value #RECORD_ID_SYSTEM}, no QuestionnaireResponse since the row's
 * answers did not all map). The run ends with {@code rows read N = mapped M + rejected R}, which always
 * adds up (such rows stay counted as rejected), and, when there were any,
 * {@code alert Observations written for A rejected rows with a critical-item alert}.
 *
 * <p>With {@code --map MAPPING.json} ({@code --instrument ID --output} or {@code --instruments LIST|all
 * --output-dir DIR}, writing {@code DIR/<key>.ndjson} and {@code DIR/<key>-rejects.csv}) the export is read
 * as {@code score --map} reads it and the resources get the mapping's date, timepoint and stable ids; with
 * {@code --bundle}, one transaction Bundle per record: see {@link MappedFhirRun}.
 */
@Command(name = "fhir", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Score a wide CSV; a FHIR QuestionnaireResponse and Observation per row, as NDJSON.",
        footerHeading = "%nExample:%n",
        footer = {"  imh-measures fhir --instrument PHQ-9 --input phq9.csv --output phq9.ndjson \\", "      --rejects rejects.csv",
            "  imh-measures fhir --map mapping.json --input export.csv --instruments all --output-dir fhir \\",
            "      --subject-system https://trust.example.nhs.uk/Id/client --bundle"},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2, Main.EXIT_3})
final class FhirCommand implements Callable<Integer> {

    /** Identifier system for the dataset's pseudonymous record id. */
    static final String RECORD_ID_SYSTEM = DatasetResources.RECORD_ID_SYSTEM;

    private static final String RECORD_ID = "record_id";

    @ParentCommand
    private Main main;

    @Option(names = "--instrument", paramLabel = "ID",
            completionCandidates = Converters.InstrumentIds.class,
            description = "catalogue instrument id, e.g. PHQ-9 (see: imh-measures instruments); with --output")
    private String instrumentId;

    @Option(names = "--instruments", paramLabel = "ID[,ID...]|all", split = ",",
            description = "with --map: several instruments of one export (all: every mapped one); with --output-dir")
    private List<String> instrumentIds;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "IN.csv",
            description = "UTF-8 wide CSV: record_id and item columns; or an export described by --map")
    private Path input;

    @Option(names = "--output", paramLabel = "OUT.ndjson",
            description = "NDJSON: per scored row its QuestionnaireResponse, then its Observation")
    private Path output;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "with --instruments: DIR/<key>.ndjson and DIR/<key>-rejects.csv per instrument")
    private Path outputDir;

    @Option(names = "--rejects", paramLabel = "REJ.csv", description = "rejected rows with line, reason and message")
    private Path rejectsFile;

    @Option(names = "--map", paramLabel = "MAPPING.json",
            description = "an imh-measures/mapping@1 file (see docs/mapping.md): record id, timepoint and date give "
                    + "authored/effective, the timepoint extension and stable ids")
    private Path mapFile;

    @Option(names = "--missing", paramLabel = "strict|prorate", converter = Converters.Missing.class,
            description = "missing-item policy instead of the instrument's own rule (prorated: said in a note)")
    private MissingItemPolicy missing;

    @Option(names = "--subject-system", paramLabel = "URI",
            description = "write the record id as subject.identifier in this system (default: no subject)")
    private String subjectSystem;

    @Option(names = "--bundle",
            description = "with --map: one transaction Bundle per record (PUT by stable id) per line, "
                    + "instead of loose resources")
    private boolean bundle;

    @Mixin
    private CatalogueOptions catalogueOptions;

    @Mixin
    private CsvOptions csv;

    @Mixin
    private RejectLimit rejectLimit;

    private FhirCommand() {
    }

    @Override
    public Integer call() throws CommandFailure, OutputFiles.SameFileException {
        return run(main.out, main.err);
    }

    private int run(PrintStream out, PrintStream err) throws CommandFailure, OutputFiles.SameFileException {
        MappedRun.checkInstrumentOptions(spec, instrumentId, instrumentIds, output, outputDir, mapFile, rejectsFile);
        if (bundle && mapFile == null) {
            throw CatalogueOptions.usage(spec, "--bundle must be used with --map (stable ids need the record id, "
                    + "timepoint and date): no --map");
        }
        DatasetResources resources = DatasetResources.defaults();
        if (subjectSystem != null) {
            try {
                resources = resources.withSubjectSystem(subjectSystem);
            } catch (IllegalArgumentException e) {
                throw CatalogueOptions.usage(spec, "--subject-system must be an absolute URI such as "
                        + "https://example.org/Id/client: not absolute");
            }
        }
        ScoringOptions options = missing == null ? ScoringOptions.defaults() : ScoringOptions.defaults().with(missing);
        Catalogue catalogue = catalogueOptions.catalogue();
        if (mapFile != null) {
            return new MappedFhirRun(main, spec, catalogue, options, resources, csv.cells(), rejectLimit, bundle)
                    .run(mapFile, input, instrumentId, instrumentIds, output, rejectsFile, outputDir,
                            catalogueOptions);
        }
        Optional<Path> rejects = Optional.ofNullable(rejectsFile);
        CsvCells cells = csv.cells();
        Instrument instrument = CatalogueOptions.instrument(spec, catalogue, "--instrument", instrumentId);
        Counts counts;
        // outputs go to temporary files, moved into place (rejects first, NDJSON last) only when the run completed
        try (OutputFiles files = RunFiles.open(catalogueOptions.inputs(OutputFiles.Named.of("--input", input)),
                RunFiles.outputs(OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects)));
                Reader in = DatasetInput.open(input)) {
            Writer outFile = files.writer(output);
            Optional<Writer> rejFile = rejects.isPresent() ? Optional.of(files.writer(rejects.get())) : Optional.empty();
            counts = convert(instrument, options, resources.subjectSystem(), in, outFile, rejFile, cells, err);
            files.commit();
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
        }
        out.println(instrument.id() + " " + instrument.definitionVersion() + ": rows read " + counts.read
                + " = mapped " + counts.mapped + " + rejected " + counts.rejected
                + (rejects.isEmpty() && counts.rejected > 0 ? " (rejects not kept: give --rejects)" : ""));
        if (counts.alerts > 0) {
            out.println("alert Observations written for " + counts.alerts
                    + " rejected rows with a critical-item alert (counted in rejected)");
        }
        return MaxRejects.status(rejectLimit.value(), counts.rejected, counts.read, err);
    }

    /** Rows read, mapped and rejected; read = mapped + rejected; alerts: rejected rows given an alert Observation. */
    static final class Counts {
        long read;
        long mapped;
        long rejected;
        long alerts;
    }

    private static Counts convert(Instrument instrument, ScoringOptions options, Optional<String> subjectSystem,
            Reader in, Writer out, Optional<Writer> rejects, CsvCells cells, PrintStream err)
            throws IOException, CommandFailure {
        IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(instrument, options));
        Counts counts = new Counts();
        RowHandler resources = new RowHandler() {
            @Override
            public void header(List<String> header) {
                List<String> absent = scoring.absentItemColumns(header);
                if (!absent.isEmpty()) {
                    err.println("imh-measures: warning: input has no column for " + String.join(", ", absent)
                            + ": those items are missing in every row");
                }
            }

            @Override
            public void scored(Row row, Scored scored, Supplier<Administration> answers) throws IOException {
                // the scorer accepted every code, so the mapping cannot refuse one; blanks stay missing
                QuestionnaireResponse response = ResponseMapping.toResponse(instrument, answers.get(),
                        subject(subjectSystem, row.recordId()));
                response.setId("qr-" + row.line());
                response.setIdentifier(new Identifier().setSystem(RECORD_ID_SYSTEM).setValue(row.recordId()));
                out.write(json.encodeResourceToString(response));
                out.write('\n');
                if (instrument.scored()) { // an answers-only instrument has no score: its response is the record
                    Observation observation = ScoreMapping.toObservation(instrument, scored, response);
                    observation.setId("obs-" + row.line());
                    out.write(json.encodeResourceToString(observation));
                    out.write('\n');
                }
            }

            @Override
            public void rejected(Row row, Rejection rejection) throws IOException {
                if (rejection.result().isPresent() && !rejection.criticalAlerts().isEmpty()) {
                    // no score, but the alert must reach the record system
                    Observation alert = ScoreMapping.toAlertObservation(instrument, rejection.result().get(),
                            Optional.empty());
                    alert.setId("alert-" + row.line());
                    alert.addIdentifier(new Identifier().setSystem(RECORD_ID_SYSTEM).setValue(row.recordId()));
                    subject(subjectSystem, row.recordId()).ifPresent(alert::setSubject);
                    out.write(json.encodeResourceToString(alert));
                    out.write('\n');
                    counts.alerts++;
                }
            }

            @Override
            public void finish(DatasetSummary summary) throws IOException {
                out.flush();
            }
        };
        try {
            // the same reading rules, accounting, rejection reasons and rejects file as the score command
            DatasetSummary summary = scoring.forEach(DatasetFormat.WIDE_CSV, in, rejects.isPresent()
                    ? RowHandler.all(RejectsCsv.of(rejects.get(), cells), resources) : resources);
            counts.read = summary.rowsRead();
            counts.mapped = summary.rowsScored();
            counts.rejected = summary.rowsRejected();
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + e.getMessage(), e);
        }
        return counts;
    }

    /** The record id as the subject's identifier in {@code system}, when given and the row has a record id. */
    private static Optional<Reference> subject(Optional<String> system, String recordId) {
        return system.filter(x -> !recordId.isEmpty()).map(x -> new Reference().setIdentifier(
                new Identifier().setSystem(x).setValue(recordId)));
    }
}
