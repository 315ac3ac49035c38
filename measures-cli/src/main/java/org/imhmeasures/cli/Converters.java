/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.time.Period;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.cohort.WilcoxonZeros;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed options' converters. Each refuses a value with the project's one-line message
 * ({@code <option> must <rule>: <value>}), which {@link Main} prints as it is, exit status 2. Numbers take
 * plain ASCII digits only: no sign, exponent, hex or non-ASCII digits, which the JDK's parsers would accept.
 */
final class Converters {

    private Converters() {
    }

    /** {@code --instrument}: a catalogue instrument by id. */
    static final class InstrumentById implements ITypeConverter<Instrument> {
        @Override
        public Instrument convert(String id) {
            return Catalogue.builtIn().find(id).orElseThrow(() -> new TypeConversionException(
                    unknown(Catalogue.builtIn(), "--instrument", id)));
        }

        /**
         * The one-line refusal of an id {@code catalogue} cannot score: a reference says why it is not
         * scorable, any other id lists the instruments.
         */
        static String unknown(Catalogue catalogue, String option, String id) {
            return catalogue.reference(id).map(r -> option + " " + id + " is listed for reference only and cannot be "
                    + "scored: " + r.notScorableBecause() + " (see: imh-measures instruments)")
                    .orElseGet(() -> option + " must be one of " + catalogue.ids() + ": " + id);
        }

        static List<String> ids() {
            return Catalogue.builtIn().ids();
        }
    }

    /** Completion candidates for {@code --instrument}: the catalogue's ids. */
    static final class InstrumentIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return InstrumentById.ids().iterator();
        }
    }

    /** {@code --missing strict|prorate}. */
    static final class Missing implements ITypeConverter<MissingItemPolicy> {
        @Override
        public MissingItemPolicy convert(String name) {
            switch (name) {
                case "strict":
                    return MissingItemPolicy.STRICT;
                case "prorate":
                    return MissingItemPolicy.PRORATE;
                default:
                    throw new TypeConversionException("--missing must be one of [strict, prorate]: " + name);
            }
        }
    }

    /** {@code --format wide|long|jsonl}. */
    static final class Format implements ITypeConverter<DatasetFormat> {
        @Override
        public DatasetFormat convert(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "wide":
                    return DatasetFormat.WIDE_CSV;
                case "long":
                    return DatasetFormat.LONG_CSV;
                case "jsonl":
                    return DatasetFormat.JSON_LINES;
                default:
                    throw new TypeConversionException("--format must be one of [wide, long, jsonl]: " + name);
            }
        }
    }

    /** {@code --method jt|gln|en|ha|nk|hll|nhs|anchor|percentage}. */
    static final class Method implements ITypeConverter<RciMethod> {
        @Override
        public RciMethod convert(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "jt":
                    return RciMethod.JACOBSON_TRUAX;
                case "gln":
                    return RciMethod.GULLIKSEN_LORD_NOVICK;
                case "en":
                    return RciMethod.EDWARDS_NUNNALLY;
                case "ha":
                    return RciMethod.HAGEMAN_ARRINDELL;
                case "nk":
                    return RciMethod.NUNNALLY_KOTSCH;
                case "hll":
                    return RciMethod.HSU_LINN_LORD;
                case "nhs":
                    return RciMethod.FIXED_THRESHOLD;
                case "anchor":
                    return RciMethod.ANCHOR_BASED;
                case "percentage":
                    return RciMethod.PERCENTAGE_CHANGE;
                default:
                    throw new TypeConversionException("--method must be one of [jt, gln, en, ha, nk, hll, nhs, anchor, "
                            + "percentage]: " + name);
            }
        }

        /** The command-line word of a method. */
        String word(RciMethod method) {
            for (String word : List.of("jt", "gln", "en", "ha", "nk", "hll", "nhs", "anchor", "percentage")) {
                if (convert(word) == method) {
                    return word;
                }
            }
            throw new IllegalArgumentException("method must have a word: " + method);
        }
    }

    /** {@code --params published|sample}. */
    static final class Params implements ITypeConverter<ParameterSource> {
        @Override
        public ParameterSource convert(String name) {
            switch (name) {
                case "published":
                    return ParameterSource.PUBLISHED;
                case "sample":
                    return ParameterSource.SAMPLE;
                default:
                    throw new TypeConversionException("--params must be one of [published, sample]: " + name);
            }
        }
    }

    /** {@code --reliability R}: a plain decimal strictly between 0 and 1. */
    static final class Reliability implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            // plain ASCII decimals only, as for totals: no exponent, sign, hex or non-ASCII digits
            if (text.matches("[0-9]{1,2}(\\.[0-9]{1,28})?")) {
                double reliability = Double.parseDouble(text);
                if (reliability > 0 && reliability < 1) {
                    return reliability;
                }
            }
            throw new TypeConversionException("--reliability must be a number between 0 and 1: " + text);
        }
    }

    /**
     * The columns of {@code --group-by}.
     *
     * @param names distinct column names, in the order given
     */
    record Columns(List<String> names) {
    }

    /**
     * {@code --group-by COLUMN[,COLUMN]}: up to 5 distinct column names, each possibly crossed
     * ({@code team*age_band}: one group per combination).
     */
    static final class GroupBy implements ITypeConverter<Columns> {
        @Override
        public Columns convert(String text) {
            List<String> groups = List.of(text.split(",", -1)).stream().map(String::strip).toList();
            if (groups.stream().anyMatch(g -> !g.matches("[A-Za-z0-9_:.\\-]{1,40}(\\*[A-Za-z0-9_:.\\-]{1,40}){0,2}"))
                    || groups.size() > 5
                    || groups.stream().distinct().count() != groups.size()) {
                throw new TypeConversionException("--group-by must be up to 5 distinct column names separated by "
                        + "commas (crossed as team*age_band): " + text);
            }
            return new Columns(groups);
        }
    }

    /** {@code --suppress N}: 0 to 1000. */
    static final class Suppress implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String raw) {
            if (!raw.matches("[0-9]{1,4}") || Integer.parseInt(raw) > 1000) {
                throw new TypeConversionException("--suppress must be a whole number from 0 to 1000: " + raw);
            }
            return Integer.parseInt(raw);
        }
    }

    /** {@code --wilcoxon-zeros drop|pratt}. */
    static final class Zeros implements ITypeConverter<WilcoxonZeros> {
        @Override
        public WilcoxonZeros convert(String name) {
            switch (name) {
                case "drop":
                    return WilcoxonZeros.DROP;
                case "pratt":
                    return WilcoxonZeros.PRATT;
                default:
                    throw new TypeConversionException("--wilcoxon-zeros must be one of [drop, pratt]: " + name);
            }
        }
    }

    /** {@code --top N}: 1 to 100. */
    static final class Top implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String raw) {
            int top = raw.matches("[0-9]{1,3}") ? Integer.parseInt(raw) : 0;
            if (top < 1 || top > 100) {
                throw new TypeConversionException("--top must be a whole number from 1 to 100: " + raw);
            }
            return top;
        }
    }

    /** {@code --upper-age YEARS}: 2 to 18 years. */
    static final class UpperAge implements ITypeConverter<Period> {
        @Override
        public Period convert(String raw) {
            int years = raw.matches("[0-9]{1,3}") ? Integer.parseInt(raw) : 0;
            if (years < 2 || years > 18) {
                throw new TypeConversionException("--upper-age must be a whole number of years from 2 to 18: " + raw);
            }
            return Period.ofYears(years);
        }
    }

    /** {@code --families N}: 1 to 10,000,000. */
    static final class Families implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            if (!text.matches("-?[0-9]{1,19}")) {
                throw new TypeConversionException("--families and --seed must be whole numbers: not a plain whole "
                        + "number");
            }
            int families;
            try {
                families = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("--families and --seed must be whole numbers: " + e.getMessage());
            }
            if (families < 1 || families > 10_000_000) {
                throw new TypeConversionException("--families must lie within 1..10000000: " + families);
            }
            return families;
        }
    }

    /** {@code --seed S}: any long. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                if (!text.matches("-?[0-9]{1,19}")) {
                    throw new NumberFormatException("not a plain whole number");
                }
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("--families and --seed must be whole numbers: " + e.getMessage());
            }
        }
    }
}
