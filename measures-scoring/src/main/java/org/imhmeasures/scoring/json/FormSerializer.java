/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link WireForm} with Jackson 2. The form already carries its type discriminator, so default
 * typing of the host (if any) adds nothing: {@code serializeWithType} writes the plain form.
 *
 * @param <T> the handled type
 */
final class FormSerializer<T> extends StdSerializer<T> {

    private static final long serialVersionUID = 1L;

    FormSerializer(Class<T> type) {
        super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        write(WireForm.form(value), gen);
    }

    @Override
    public void serializeWithType(T value, JsonGenerator gen, SerializerProvider provider,
            TypeSerializer typeSer) throws IOException {
        serialize(value, gen, provider);
    }

    /** One value of a form: the only types {@link WireForm} puts in one. */
    static void write(@Nullable Object value, JsonGenerator gen) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                gen.writeFieldName((String) entry.getKey());
                write(entry.getValue(), gen);
            }
            gen.writeEndObject();
        } else if (value instanceof List<?> list) {
            gen.writeStartArray();
            for (Object element : list) {
                write(element, gen);
            }
            gen.writeEndArray();
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Integer i) {
            gen.writeNumber(i);
        } else if (value instanceof Long l) {
            gen.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
            // plain notation whatever the host's WRITE_BIGDECIMAL_AS_PLAIN says: only a value whose default
            // text has an exponent (below 1e-6) is written from its plain text; trees and binary formats get it
            // as a number
            String plain = d.toPlainString();
            if (plain.equals(d.toString()) || !gen.canWriteFormattedNumbers()) {
                gen.writeNumber(d);
            } else {
                gen.writeNumber(plain);
            }
        } else {
            throw new IllegalStateException("wire form value must be a JSON value: " + value.getClass().getName());
        }
    }
}
