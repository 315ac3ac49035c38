/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.Provenance;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.SubscaleScore;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.Version;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 serializers for score results, in the form docs/spring-boot.md describes ("JSON for results"):
 * a {@code status} discriminator ({@code "scored"} or {@code "not_scorable"}), then one camelCase property per
 * accessor of {@link Scored} or {@link NotScorable}. An empty {@code Optional} is written as {@code null},
 * enums as lower-case names ({@code "not_case"}), decimals as JSON numbers as scored ({@code 7.00} stays
 * {@code 7.00}). {@link Problem}s are written as {@code code}, {@code itemId} and the redacted
 * {@code message} only: never the answers or keys as submitted. The Spring Boot auto-configuration registers
 * the module with the application's JSON mapper.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new ImhMeasuresJacksonModule()).build();
 * String json = mapper.writeValueAsString(scorer.score(administration));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ImhMeasuresJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public ImhMeasuresJacksonModule() {
        super("imh-measures", Version.unknownVersion());
        addSerializer(Scored.class, new ScoredSerializer());
        addSerializer(NotScorable.class, new NotScorableSerializer());
    }

    /** The {@code status} of a result: {@code scored} or {@code not_scorable}. */
    static String status(ScoreResult result) {
        return result instanceof Scored ? "scored" : "not_scorable";
    }

    private static final class ScoredSerializer extends ValueSerializer<Scored> {
        @Override
        public void serialize(Scored s, JsonGenerator out, SerializationContext context) {
            out.writeStartObject();
            out.writeStringProperty("status", "scored");
            provenance(out, s.provenance());
            // null where the instrument reports no total (GBO, HADS)
            out.writeName("rawTotal");
            if (s.rawTotal().isPresent()) {
                out.writeNumber(s.rawTotal().getAsInt());
            } else {
                out.writeNull();
            }
            decimal(out, "total", s.total());
            out.writeName("subscales");
            out.writeStartObject();
            for (Map.Entry<String, SubscaleScore> e : s.subscales().entrySet()) {
                SubscaleScore sub = e.getValue();
                out.writeName(e.getKey());
                out.writeStartObject();
                out.writeStringProperty("subscaleId", sub.subscaleId());
                decimal(out, "score", sub.score());
                band(out, sub.band());
                out.writeStringProperty("caseness", lower(sub.caseness()));
                out.writeBooleanProperty("prorated", sub.prorated());
                out.writeEndObject();
            }
            out.writeEndObject();
            band(out, s.band());
            out.writeStringProperty("caseness", lower(s.caseness()));
            out.writeName("itemsMissing");
            out.writeStartArray();
            for (String item : s.itemsMissing()) {
                out.writeString(item);
            }
            out.writeEndArray();
            out.writeBooleanProperty("prorated", s.prorated());
            alerts(out, s.criticalAlerts(), s.criticalUnanswered());
            out.writeName("itemScores");
            out.writeStartObject();
            for (Map.Entry<String, Integer> e : s.itemScores().entrySet()) {
                out.writeNumberProperty(e.getKey(), e.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
    }

    private static final class NotScorableSerializer extends ValueSerializer<NotScorable> {
        @Override
        public void serialize(NotScorable n, JsonGenerator out, SerializationContext context) {
            out.writeStartObject();
            out.writeStringProperty("status", "not_scorable");
            provenance(out, n.provenance());
            out.writeName("problems");
            out.writeStartArray();
            for (Problem p : n.problems()) {
                out.writeStartObject();
                out.writeStringProperty("code", p.code());
                out.writeStringProperty("itemId", p.itemId().orElse(null));
                out.writeStringProperty("message", p.message());
                out.writeEndObject();
            }
            out.writeEndArray();
            alerts(out, n.criticalAlerts(), n.criticalUnanswered());
            out.writeEndObject();
        }
    }

    private static void provenance(JsonGenerator out, Provenance p) {
        out.writeName("provenance");
        out.writeStartObject();
        out.writeStringProperty("instrumentId", p.instrumentId());
        out.writeStringProperty("definitionVersion", p.definitionVersion());
        out.writeStringProperty("libraryVersion", p.libraryVersion());
        out.writeEndObject();
    }

    private static void alerts(JsonGenerator out, List<CriticalAlert> alerts, List<CriticalItemUnanswered> unanswered) {
        out.writeName("criticalAlerts");
        out.writeStartArray();
        for (CriticalAlert a : alerts) {
            out.writeStartObject();
            out.writeStringProperty("itemId", a.itemId());
            out.writeNumberProperty("score", a.score());
            out.writeStringProperty("reason", a.reason());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeName("criticalUnanswered");
        out.writeStartArray();
        for (CriticalItemUnanswered u : unanswered) {
            out.writeStartObject();
            out.writeStringProperty("itemId", u.itemId());
            out.writeStringProperty("cause", lower(u.cause()));
            out.writeStringProperty("reason", u.reason());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void band(JsonGenerator out, Optional<Band> band) {
        out.writeName("band");
        if (band.isEmpty()) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        out.writeStringProperty("label", band.get().label());
        out.writeName("from");
        out.writeNumber(band.get().from().toPlainString());
        out.writeName("to");
        out.writeNumber(band.get().to().toPlainString());
        out.writeEndObject();
    }

    private static void decimal(JsonGenerator out, String name, Optional<BigDecimal> value) {
        out.writeName(name);
        if (value.isPresent()) {
            // plain, as scored: 7.00 stays 7.00, never 7E+0
            out.writeNumber(value.get().toPlainString());
        } else {
            out.writeNull();
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
