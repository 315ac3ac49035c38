/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.risk;

import java.io.InputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.instrument.Codes;
import org.imhmeasures.core.instrument.Codes.SnomedConcept;
import org.imhmeasures.core.instrument.DefinitionException;
import org.imhmeasures.core.instrument.Omission;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.DataFiles;
import org.imhmeasures.core.internal.JsonFields;

/**
 * A versioned risk taxonomy: leaf {@link RiskFactor}s in the four {@link RiskArea}s, and the primary
 * {@link ReferralReason}s relevant to parent-infant work.
 *
 * <p>{@link #builtIn()} is read from {@code org/imhmeasures/core/risk/risk-taxonomy.json} (format
 * {@value #FORMAT}); a service can {@link #read(InputStream, String) read} its own in the same format.
 * Every factor and reason carries a source; facts left out for want of confirmation are listed in
 * {@link #omissions()}. SNOMED CT ids are data only ({@link Codes#SNOMED_LICENCE_NOTE}). Immutable and
 * thread-safe.
 *
 * @param version the data version, e.g. {@code 2026.11.1}
 * @param factors the factors in file order, ids unique
 * @param referralReasons the referral reasons in file order, codes unique
 * @param omissions facts deliberately left out, with why
 * @since 0.1.0
 */
public record RiskTaxonomy(String version, List<RiskFactor> factors, List<ReferralReason> referralReasons,
        List<Omission> omissions) {

    /** The format tag of taxonomy files. */
    public static final String FORMAT = "imh-measures/risk-taxonomy@1";

    private static final class BuiltIn {
        static final RiskTaxonomy INSTANCE = DataFiles.resource(RiskTaxonomy.class, "risk-taxonomy.json", FORMAT,
                RiskTaxonomy::read);
    }

    /**
     * Validates and copies; ids and codes must be unique.
     *
     * @param version the data version, e.g. {@code 2026.11.1}
     * @param factors the factors in file order, ids unique
     * @param referralReasons the referral reasons in file order, codes unique
     * @param omissions facts deliberately left out, with why
     */
    public RiskTaxonomy {
        version = Check.notBlank(version, "taxonomy version");
        factors = List.copyOf(Check.notNull(factors, "factors"));
        referralReasons = List.copyOf(Check.notNull(referralReasons, "referral reasons"));
        omissions = List.copyOf(Check.notNull(omissions, "omissions"));
        Set<String> ids = new HashSet<>();
        for (RiskFactor f : factors) {
            Check.argument(ids.add(f.id()), "risk factor ids must be unique: %s", f.id());
        }
        Set<String> codes = new HashSet<>();
        for (ReferralReason r : referralReasons) {
            Check.argument(codes.add(r.code()), "referral reason codes must be unique: %s", r.code());
        }
    }

    /**
     * The taxonomy shipped with the library.
     *
     * @return the built-in taxonomy
     */
    public static RiskTaxonomy builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * The factor with {@code id}.
     *
     * @param id the factor id
     * @return the factor, or empty
     */
    public Optional<RiskFactor> factor(String id) {
        return factors.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * The referral reason with {@code code}.
     *
     * @param code the two-digit code
     * @return the reason, or empty
     */
    public Optional<ReferralReason> referralReason(String code) {
        return referralReasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * The factors of one area, in file order.
     *
     * @param area the area
     * @return the factors
     */
    public List<RiskFactor> factorsIn(RiskArea area) {
        return factors.stream().filter(f -> f.area() == area).toList();
    }

    /**
     * Factor ids by area, for display.
     *
     * @return an ordered map with every area
     */
    public Map<RiskArea, List<String>> idsByArea() {
        Map<RiskArea, List<String>> out = new LinkedHashMap<>();
        for (RiskArea area : RiskArea.values()) {
            out.put(area, factorsIn(area).stream().map(RiskFactor::id).toList());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Reads a taxonomy file; the stream is not closed.
     *
     * @param in the JSON document
     * @param name the file name for messages
     * @return the taxonomy
     * @throws DefinitionException naming the file and field when the document is not a valid taxonomy
     */
    public static RiskTaxonomy read(InputStream in, String name) {
        return DataFiles.read(in, name, FORMAT, RiskTaxonomy::read);
    }

    private static RiskTaxonomy read(JsonFields doc) {
        doc.allowOnly(Set.of("format", "version", "comment", "snomedLicenceNote", "factors", "referralReasons",
                "omissions"));
        String note = doc.text("snomedLicenceNote");
        if (!Codes.SNOMED_LICENCE_NOTE.equals(note)) {
            throw doc.fail("snomedLicenceNote", "snomedLicenceNote must be the library's licence note: changed");
        }
        List<RiskFactor> factors = doc.objects("factors", RiskTaxonomy::factor);
        List<ReferralReason> reasons = doc.objects("referralReasons", r -> r
                .allowOnly(Set.of("code", "label", "source"))
                .build(() -> new ReferralReason(r.text("code"), r.text("label"), Source.of(r.text("source")))));
        List<Omission> omissions = doc.objects("omissions", o -> o.allowOnly(Set.of("field", "note"))
                .build(() -> new Omission(o.text("field"), o.text("note"))));
        return doc.build(() -> new RiskTaxonomy(doc.text("version"), factors, reasons, omissions));
    }

    private static RiskFactor factor(JsonFields f) {
        f.allowOnly(Set.of("id", "label", "area", "areaBasis", "snomed", "source", "comment"));
        List<SnomedConcept> snomed = f.objects("snomed", s -> s.allowOnly(Set.of("id", "term"))
                .build(() -> new SnomedConcept(s.text("id"), s.optionalText("term"))));
        return f.build(() -> new RiskFactor(f.text("id"), f.text("label"), f.enumValue("area", RiskArea.class),
                f.enumValue("areaBasis", RiskFactor.AreaBasis.class), snomed, Source.of(f.text("source"))));
    }

    /** Summary without the lists. */
    @Override
    public String toString() {
        return "RiskTaxonomy[version=" + version + ", factors=" + factors.size() + ", referralReasons="
                + referralReasons.size() + ", omissions=" + omissions.size() + "]";
    }
}
