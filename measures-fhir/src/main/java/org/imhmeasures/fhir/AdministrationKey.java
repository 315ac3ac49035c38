/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Timepoint;

/**
 * What identifies one administration of a dataset: the record it belongs to, the instrument, the timepoint and
 * the date. Two administrations with equal keys are the same administration (a re-run, a corrected export), so
 * their resources get the same ids ({@link #id(String)}) and a replayed transaction updates instead of
 * duplicating.
 *
 * <p>The record id is an identifier: {@link #toString()} never shows it, and {@link #id(String)} never holds it
 * in clear.
 *
 * @param recordId the dataset's (pseudonymous) record id, non-blank, as read (trimmed)
 * @param instrumentId the catalogue instrument id, e.g. {@code PHQ-9}
 * @param timepoint the timepoint, if the dataset has one
 * @param date the administration date, if the dataset has one
 * @since 0.1.0
 */
public record AdministrationKey(String recordId, String instrumentId, Optional<Timepoint> timepoint,
        Optional<LocalDate> date) {

    /**
     * The name-space of every id: the name-based UUID (version 5) of {@code https://imh-measures.org/fhir/id}
     * in the URL name-space of RFC 9562: {@code 7729bab6-3779-5d25-b258-025c5b4d0992}; see {@link #id(String)}.
     */
    public static final UUID NAMESPACE = uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            FhirUris.BASE + "/id");

    /**
     * Validates.
     *
     * @param recordId the record id, non-blank
     * @param instrumentId the instrument id, non-blank
     * @param timepoint the timepoint, if any
     * @param date the date, if any
     */
    public AdministrationKey {
        Require.notNull(recordId, "record id");
        Require.argument(!recordId.isBlank(), "record id must not be blank: blank");
        Require.notNull(instrumentId, "instrument id");
        Require.argument(!instrumentId.isBlank(), "instrument id must not be blank: blank");
        Require.notNull(timepoint, "timepoint");
        Require.notNull(date, "date");
    }

    /**
     * The key of an administration of {@code recordId}: its instrument, timepoint and date.
     *
     * @param recordId the record id, non-blank
     * @param administration the administration
     * @return the key
     */
    public static AdministrationKey of(String recordId, Administration administration) {
        Require.notNull(administration, "administration");
        return new AdministrationKey(recordId, administration.instrumentId(), administration.timepoint(),
                administration.date());
    }

    /**
     * The stable id of this administration's resource of type {@code resourceType}: the name-based UUID
     * (version 5, SHA-1, RFC 9562 §5.5) under {@link #NAMESPACE} of the resource type, instrument id, record id,
     * timepoint code ({@code baseline}, ..., empty when none) and ISO date (empty when none), each prefixed
     * by its length in code points and a colon so that no two keys share a name, e.g.
     * {@code 21:QuestionnaireResponse5:PHQ-95:c00188:baseline10:2026-04-01}. Lower-case, 36 characters: a valid
     * FHIR id and, after {@code urn:uuid:}, a transaction Bundle's {@code fullUrl}; the same key always gives
     * the same id, in
     * any run, in any tool that implements UUID version 5 (Python's {@code uuid.uuid5}).
     *
     * <p>The record id does not appear in clear, but the id is not a secret: anyone who knows a record id can
     * compute its ids. It keeps identifiers out of URLs and server logs; it does not anonymise.
     *
     * @param resourceType e.g. {@code QuestionnaireResponse}, {@code Observation}
     * @return the id
     */
    public String id(String resourceType) {
        Require.notNull(resourceType, "resource type");
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {resourceType, instrumentId, recordId,
                timepoint.map(ResponseMapping::timepointCode).orElse(""), date.map(LocalDate::toString).orElse("")}) {
            name.append(part.codePointCount(0, part.length())).append(':').append(part);
        }
        return uuid5(NAMESPACE, name.toString()).toString();
    }

    /** Name-based UUID version 5 (RFC 9562 §5.5): SHA-1 of name-space bytes then UTF-8 name, 122 bits kept. */
    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 must be available on every Java platform: absent", e);
        }
        for (long half : new long[] {namespace.getMostSignificantBits(), namespace.getLeastSignificantBits()}) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                sha1.update((byte) (half >>> shift));
            }
        }
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[8 + i] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** Shows the instrument, timepoint and date; never the record id. */
    @Override
    public String toString() {
        return "AdministrationKey[recordId=(redacted), instrumentId=" + instrumentId + ", timepoint="
                + timepoint.map(ResponseMapping::timepointCode).orElse("none") + ", date="
                + date.map(LocalDate::toString).orElse("none") + "]";
    }
}
