/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.imhmeasures.core.internal.JsonFields;
import org.imhmeasures.core.internal.JsonFields.FieldException;

/**
 * Reads instrument reference files (format {@value #FORMAT}) into validated {@link InstrumentReference}s:
 * instruments the catalogue lists for identity, licence and structure only. As with definitions, a file
 * that is not valid JSON, has an unknown or missing field, or values that do not agree fails with a
 * {@link DefinitionException} naming the file and the field. The format is documented in
 * README, "Definition files".
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class InstrumentReferences {

    /** The format tag every reference file carries in its {@code format} field. */
    public static final String FORMAT = "imh-measures/instrument-reference@1";

    private static final Set<String> FIELDS = Set.of("format", "id", "definitionVersion", "name", "respondent",
            "appliesTo", "notScorableBecause", "items", "responseFormat", "groups", "codes", "licence", "omissions",
            "comment");

    private InstrumentReferences() {
    }

    /**
     * Reads a reference from a stream; the stream is not closed.
     *
     * @param in the JSON document
     * @param name the file or resource name to use in error messages
     * @return the validated reference
     * @throws DefinitionException when the document is not a valid reference
     */
    public static InstrumentReference read(InputStream in, String name) {
        JsonNode root = InstrumentDefinitions.parse(in, name);
        try {
            return reference(JsonFields.root(root));
        } catch (FieldException e) {
            throw new DefinitionException(name, e.path(), e.getMessage(), e);
        }
    }

    private static InstrumentReference reference(JsonFields root) {
        root.allowOnly(FIELDS);
        String format = root.text("format");
        if (!FORMAT.equals(format)) {
            throw root.fail("format", "format must be " + FORMAT + ": \"" + format + "\"");
        }
        Optional<JsonFields> items = root.optionalObject("items").map(i -> i.allowOnly(Set.of("count", "source")));
        OptionalInt count = items.map(i -> OptionalInt.of(i.integer("count"))).orElse(OptionalInt.empty());
        Optional<Source> itemSource = items.map(i -> Source.of(i.text("source")));
        return root.build(() -> new InstrumentReference(
                root.text("id"),
                root.text("definitionVersion"),
                root.text("name"),
                root.enumValue("respondent", Respondent.class),
                root.text("appliesTo"),
                root.text("notScorableBecause"),
                count,
                itemSource,
                root.optionalText("responseFormat"),
                root.objects("groups", g -> g.allowOnly(Set.of("id", "name", "items", "source"))
                        .build(() -> new InstrumentReference.ItemGroup(g.text("id"), g.text("name"),
                                g.integers("items"), Source.of(g.text("source"))))),
                root.optionalObject("codes").map(InstrumentDefinitions::codes).orElse(Codes.none()),
                InstrumentDefinitions.licence(root.object("licence")),
                root.objects("omissions", o -> o.allowOnly(Set.of("field", "note"))
                        .build(() -> new Omission(o.text("field"), o.text("note"))))));
    }
}
