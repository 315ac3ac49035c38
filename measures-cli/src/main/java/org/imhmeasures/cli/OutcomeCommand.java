/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.FunctionalCutoff;
import org.imhmeasures.scoring.change.MultiMeasureRule;
import org.imhmeasures.scoring.cohort.Proportion;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.ScorePairing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code outcome --from-scores DIR --measures PHQ-9,GAD-7 [--pre T] [--post T|last] --output OUT.csv
 * [--suppress N]}: the referral-level outcome by the library's multi-measure rule ({@link MultiMeasureRule},
 * NHS Talking Therapies): reliably improved when at least one measure improved reliably and none
 * deteriorated reliably; reliably deteriorated when any did; a case at baseline when a case on at least one
 * measure; recovered when a case at baseline and a case on none at the end; reliable recovery = recovery
 * and reliably improved. Each measure uses its published fixed threshold and caseness cut-off. A referral
 * is assessed only when every measure is paired and assessable; otherwise it is incomplete (or rejected,
 * when a measure's record was). Recovery shares are of the cases at baseline, the others of the referrals
 * assessed.
 */
@Command(name = "outcome", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Referral-level outcome over several measures (NHS Talking Therapies multi-measure rule).",
        footerHeading = "%nExample:%n",
        footer = {"  imh-measures outcome --from-scores scores/ --measures PHQ-9,GAD-7 --pre baseline --post last",
            "", "Referrals = assessed + incomplete (a measure not paired) + rejected (a measure's record rejected). "
                + "Reliable improvement and deterioration are of the referrals assessed; recovery and reliable "
                + "recovery of the cases at baseline (a case on at least one measure)."},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class OutcomeCommand implements Callable<Integer> {

    /** Output columns. */
    static final List<String> COLUMNS = List.of("record_id", "outcome", "case_at_baseline", "recovery",
            "reliable_recovery");

    /** A total as {@code score} writes it (at most 32 characters, as the change CSV accepts). */
    private static final String PLAIN_DECIMAL = "-?[0-9]{1,28}(\\.[0-9]{1,3})?";

    @ParentCommand
    private Main main;

    @Option(names = "--from-scores", required = true, paramLabel = "DIR",
            description = "directory from score --output-dir with one <instrument>.csv per measure")
    private Path fromScores;

    @Option(names = "--measures", required = true, paramLabel = "ID,ID", split = ",",
            converter = Converters.InstrumentById.class,
            description = "the measures combined, e.g. PHQ-9,GAD-7 (2 to 5, distinct)")
    private List<Instrument> measures;

    @Mixin
    private PairingOptions pairing;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv",
            description = "one row per referral assessed: record_id,outcome,case_at_baseline,recovery,reliable_recovery")
    private Path output;

    @Option(names = "--suppress", paramLabel = "N", converter = Converters.Suppress.class,
            description = "for publication: counts below N, and shares from them, printed as <N")
    private Integer suppress;

    private OutcomeCommand() {
    }

    /** One referral's assessed change per measure. */
    private static final class Referral {
        final Map<String, ChangeResult> changes = new LinkedHashMap<>();
        boolean rejected;
    }

    @Override
    public Integer call() throws UsageException, CommandFailure, OutputFiles.SameFileException {
        Set<String> ids = new LinkedHashSet<>();
        measures.forEach(m -> ids.add(m.id()));
        if (ids.size() != measures.size() || measures.size() < 2 || measures.size() > 5) {
            throw new UsageException("--measures must name 2 to 5 distinct instruments: " + measures.size() + " given"
                    + (ids.size() != measures.size() ? " with a repeat" : ""));
        }
        Map<String, Referral> referrals = new LinkedHashMap<>();
        Map<String, ChangeModel> models = new LinkedHashMap<>();
        List<OutputFiles.Named> inputs = new ArrayList<>();
        Map<Instrument, Path> files = new LinkedHashMap<>();
        for (Instrument measure : measures) {
            if (!measure.scored()) {
                throw new UsageException("--measures must be scored instruments: " + measure.id() + " records answers "
                        + "only and has no score to compare");
            }
            ChangeModel model = ChangeModel.published(measure, ChangeOptions.defaults());
            if (model.unusable().isPresent() || model.parameters().cutoff().isEmpty()) {
                throw new UsageException("--measures must have a published reliable-change threshold and caseness "
                        + "cut-off: " + measure.id() + " has " + (model.unusable().isPresent() ? "no threshold"
                        : "no cut-off"));
            }
            models.put(measure.id(), model);
        }
        for (Instrument measure : measures) {
            Path file = PairingOptions.scoreFile("--from-scores", fromScores, measure);
            files.put(measure, file);
            inputs.add(OutputFiles.Named.of("--from-scores", file));
        }
        Suppression suppression = suppress == null ? Suppression.none() : Suppression.below(suppress);
        long[] counts = new long[8]; // referrals, assessed, incomplete, rejected, improved, deteriorated, cases, recovered
        long reliableRecovery = 0;
        try (OutputFiles out = RunFiles.open(inputs, RunFiles.outputs(OutputFiles.Named.of("--output", output)))) {
            for (Map.Entry<Instrument, Path> e : files.entrySet()) {
                ScorePairing.Result paired;
                try (Reader in = DatasetInput.open(e.getValue())) {
                    paired = pairing.pairing(e.getKey(), List.of()).pair(in);
                }
                ChangeModel model = models.get(e.getKey().id());
                for (ScorePairing.Pair p : paired.pairs()) {
                    Referral r = referrals.computeIfAbsent(p.recordId(), k -> new Referral());
                    r.changes.put(e.getKey().id(), assess(model, p));
                }
                paired.unpaired().forEach(u -> referrals.computeIfAbsent(u.recordId(), k -> new Referral()));
                paired.rejects().forEach(j -> referrals.computeIfAbsent(j.recordId().isEmpty() ? "\u0000line "
                        + j.line() : j.recordId(), k -> new Referral()).rejected = true);
            }
            Writer csvOut = out.writer(output);
            csvOut.write(String.join(",", COLUMNS) + "\n");
            for (Map.Entry<String, Referral> e : referrals.entrySet()) {
                counts[0]++;
                Referral r = e.getValue();
                if (r.rejected) {
                    counts[3]++;
                    continue;
                }
                if (r.changes.size() != measures.size()
                        || r.changes.values().stream().anyMatch(c -> !(c instanceof ChangeResult.Assessed))) {
                    counts[2]++;
                    continue;
                }
                counts[1]++;
                MultiMeasureRule.Outcome outcome = MultiMeasureRule.apply(List.copyOf(r.changes.values()));
                boolean caseAtStart = false;
                boolean caseAtEnd = false;
                for (Map.Entry<String, ChangeResult> c : r.changes.entrySet()) {
                    ChangeResult.Assessed a = (ChangeResult.Assessed) c.getValue();
                    FunctionalCutoff cut = models.get(c.getKey()).parameters().cutoff().orElseThrow();
                    caseAtStart |= !cut.isFunctional(a.pre());
                    caseAtEnd |= !cut.isFunctional(a.post());
                }
                boolean improved = outcome == MultiMeasureRule.Outcome.RELIABLY_IMPROVED;
                counts[4] += improved ? 1 : 0;
                counts[5] += outcome == MultiMeasureRule.Outcome.RELIABLY_DETERIORATED ? 1 : 0;
                boolean recovered = caseAtStart && !caseAtEnd;
                counts[6] += caseAtStart ? 1 : 0;
                counts[7] += recovered ? 1 : 0;
                reliableRecovery += recovered && improved ? 1 : 0;
                csvOut.write(csvCell(e.getKey()) + "," + outcome.name().toLowerCase(Locale.ROOT) + "," + caseAtStart
                        + "," + (caseAtStart ? Boolean.toString(recovered) : "") + ","
                        + (caseAtStart ? Boolean.toString(recovered && improved) : "") + "\n");
            }
            csvOut.flush();
            out.commit();
        } catch (DatasetException e) {
            throw new CommandFailure("--from-scores: " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--from-scores", fromScores, e);
        }
        String measureList = String.join(" + ", ids);
        main.out.println("Outcome over " + measureList + " (NHS Talking Therapies multi-measure rule, published "
                + "thresholds and caseness cut-offs)");
        main.out.println("referrals " + counts[0] + " = assessed " + counts[1] + " + incomplete " + counts[2]
                + " + rejected " + counts[3]);
        main.out.println("reliable improvement: " + share(counts[4], counts[1], suppression) + " of referrals assessed");
        main.out.println("reliable deterioration: " + share(counts[5], counts[1], suppression)
                + " of referrals assessed");
        main.out.println("recovery: " + share(counts[7], counts[6], suppression) + " of cases at baseline");
        main.out.println("reliable recovery: " + share(reliableRecovery, counts[6], suppression)
                + " of cases at baseline");
        return 0;
    }

    private static ChangeResult assess(ChangeModel model, ScorePairing.Pair p) {
        if (!p.pre().matches(PLAIN_DECIMAL) || !p.post().matches(PLAIN_DECIMAL)) {
            return new ChangeResult.NotAssessable(ChangeResult.Reason.SCORE_OUT_OF_RANGE,
                    "total must be a plain decimal: not one");
        }
        return model.assess(new BigDecimal(p.pre()).doubleValue(), new BigDecimal(p.post()).doubleValue());
    }

    /** A record id as a CSV cell: formula-neutralised, quoted when it holds a comma, quote or line break. */
    private static String csvCell(String id) {
        String text = CsvCells.NEUTRALISE_FORMULAS.text(id);
        return text.matches("(?s).*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String share(long count, long of, Suppression suppression) {
        if (suppression.hides(count) || suppression.hides(of)) {
            return suppression.show(count) + " of " + suppression.show(of);
        }
        Proportion p = Proportion.of(count, of);
        return count + " of " + of + p.percent().map(v -> String.format(Locale.ROOT, " (%.1f%%)", v)).orElse("");
    }
}
