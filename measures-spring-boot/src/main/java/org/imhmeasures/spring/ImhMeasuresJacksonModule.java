/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.imhmeasures.core.LibraryVersion;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.cohort.CohortReport;
import org.imhmeasures.scoring.json.AdministrationJsonException;
import org.imhmeasures.scoring.json.AdministrationRequest;
import org.imhmeasures.scoring.json.ImhMeasuresModule;
import org.imhmeasures.scoring.json.WireForm;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.VersionUtil;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The library's one JSON wire form ({@code imh-measures/result@1}, docs/json.md) for Jackson 3, the JSON stack
 * of Spring Boot 4: it writes exactly what {@link WireForm} gives, so its output is byte-identical to that of
 * the Jackson 2 {@link ImhMeasuresModule} for the same value. Written: {@link ScoreResult} ({@code Scored},
 * {@code NotScorable}), {@link ChangeResult}, {@link Problem} and {@link CohortReport}; read:
 * {@link AdministrationRequest}, by the library's strict reader {@link AdministrationRequest#parse(String)}.
 * Submitted values are never written: problems carry their code, location and the library's redacted
 * message. The Spring Boot auto-configuration registers the module with the application's JSON mapper.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new ImhMeasuresJacksonModule()).build();
 * String json = mapper.writeValueAsString(scorer.score(administration));
 * }</pre>
 *
 * <p>A request body read through the host's mapper is first parsed by that mapper (its own limits apply),
 * then copied token by token, repeated keys included, to the strict reader, whose refusal becomes a
 * Jackson 3 input error (HTTP 400 in Spring MVC) with the library's redacted message and path. Keep
 * {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION} off (Jackson 3's default): otherwise the mapper's
 * own parse errors may quote the body.
 *
 * @since 0.1.0
 */
public final class ImhMeasuresJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public ImhMeasuresJacksonModule() {
        super("imh-measures", VersionUtil.parseVersion(LibraryVersion.current(), "org.imhmeasures",
                "measures-spring-boot"));
        // the subtypes too, as the Jackson 2 module does: a declared Scored or Assessed finds its serializer
        // directly
        addSerializer(ScoreResult.class, new FormSerializer<ScoreResult>(WireForm::of));
        addSerializer(Scored.class, new FormSerializer<Scored>(WireForm::of));
        addSerializer(NotScorable.class, new FormSerializer<NotScorable>(WireForm::of));
        addSerializer(ChangeResult.class, new FormSerializer<ChangeResult>(WireForm::of));
        addSerializer(ChangeResult.Assessed.class, new FormSerializer<ChangeResult.Assessed>(WireForm::of));
        addSerializer(ChangeResult.NotAssessable.class, new FormSerializer<ChangeResult.NotAssessable>(WireForm::of));
        addSerializer(Problem.class, new FormSerializer<Problem>(WireForm::of));
        addSerializer(CohortReport.class, new FormSerializer<CohortReport>(WireForm::of));
        addDeserializer(AdministrationRequest.class, new AdministrationDeserializer());
    }

    /** Writes the {@link WireForm} map of a value, whatever the host mapper's features. */
    private static final class FormSerializer<T> extends ValueSerializer<T> {

        private final Function<? super T, ? extends Map<String, ? extends @Nullable Object>> form;

        FormSerializer(Function<? super T, ? extends Map<String, ? extends @Nullable Object>> form) {
            this.form = form;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext context) {
            write(form.apply(value), gen);
        }

        @Override
        public void serializeWithType(T value, JsonGenerator gen, SerializationContext context,
                TypeSerializer typeSerializer) {
            // the form has its own discriminators (format, status): no host type id
            serialize(value, gen, context);
        }

        /** One value of a form: the only types {@link WireForm} puts in one. */
        private static void write(@Nullable Object value, JsonGenerator gen) {
            if (value == null) {
                gen.writeNull();
            } else if (value instanceof Map<?, ?> map) {
                gen.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    gen.writeName((String) entry.getKey());
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
                // plain notation whatever the host's WRITE_BIGDECIMAL_AS_PLAIN says, as the Jackson 2 module:
                // only a value whose default text has an exponent (below 1e-6) is written from its plain text
                String plain = d.toPlainString();
                if (plain.equals(d.toString())) {
                    gen.writeNumber(d);
                } else {
                    gen.writeNumber(plain);
                }
            } else {
                throw new IllegalStateException("wire form value must be a JSON value: " + value.getClass().getName());
            }
        }
    }

    /** Hands the request body, token by token, to the library's strict reader. */
    private static final class AdministrationDeserializer extends ValueDeserializer<AdministrationRequest> {

        /** Writes the copy; plain JSON, no features of the host's mapper. */
        private static final JsonFactory COPY = JsonFactory.builder().build();

        @Override
        public AdministrationRequest deserialize(JsonParser p, DeserializationContext context) {
            StringWriter text = new StringWriter();
            // a copy, not a tree: a tree would keep only the last of a repeated key, which the reader refuses
            try (JsonGenerator copy = COPY.createGenerator(ObjectWriteContext.empty(), text)) {
                copy.copyCurrentStructure(p);
            }
            try {
                return AdministrationRequest.parse(text.toString());
            } catch (AdministrationJsonException e) {
                // the library's message never quotes the body
                throw MismatchedInputException.from(p, AdministrationRequest.class, e.getOriginalMessage()
                        + (e.path().isEmpty() ? "" : " (at " + e.path() + ")"));
            }
        }
    }
}
