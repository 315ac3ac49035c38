/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The valid submission fixture and edits of it. */
final class SubmissionFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private SubmissionFixtures() {
    }

    static ObjectNode valid() {
        try (InputStream in = SubmissionFixtures.class.getResourceAsStream("valid-submission.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String edited(Consumer<ObjectNode> edit) {
        ObjectNode doc = valid();
        edit.accept(doc);
        return text(doc);
    }

    static ObjectNode at(ObjectNode doc, String field) {
        return (ObjectNode) doc.get(field);
    }

    static ObjectNode administration(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("administrations").get(index);
    }
}
