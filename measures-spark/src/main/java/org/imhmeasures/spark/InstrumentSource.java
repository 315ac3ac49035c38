/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.jspecify.annotations.Nullable;

/**
 * Where an executor finds the instrument: a built-in id (every executor has the catalogue in the jar, read
 * lazily), or the JSON bytes of a user definition. Small and serialisable; what is broadcast instead of a
 * scorer.
 */
final class InstrumentSource implements Serializable {

    private static final long serialVersionUID = 1L;

    private final @Nullable String builtInId;
    private final byte @Nullable [] definition;
    private final String name;
    private final String key;

    private InstrumentSource(@Nullable String builtInId, byte @Nullable [] definition, String name, String key) {
        this.builtInId = builtInId;
        this.definition = definition;
        this.name = name;
        this.key = key;
    }

    static InstrumentSource builtIn(String id) {
        return new InstrumentSource(id, null, id, "built-in:" + id);
    }

    static InstrumentSource definition(byte[] json, String name) {
        byte[] copy = json.clone();
        return new InstrumentSource(null, copy, name, "sha-256:" + sha256(copy));
    }

    /** Identifies the definition: the built-in id, or the SHA-256 of the definition's bytes. */
    String key() {
        return key;
    }

    /** Reads the instrument: from the built-in catalogue, or by parsing and validating the definition. */
    Instrument instrument() {
        if (builtInId != null) {
            return Catalogue.builtIn().get(builtInId);
        }
        return InstrumentDefinitions.read(new ByteArrayInputStream(Objects.requireNonNull(definition)), name);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 must be available: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "InstrumentSource[" + key + "]";
    }
}
