package io.flowpack.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flowpack.engine.AuditEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Documents as JSON: references and audit only, never content. Used for audit files, job records and messages. */
public final class DocumentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DocumentJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The document's record: id, properties, parts (as references with size and sha256) and the audit. */
    public static byte[] toJson(Document document) {
        try {
            return MAPPER.writeValueAsBytes(new Shape(document.id(), document.properties(), document.parts(),
                    document.audit()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document fromJson(byte[] json) {
        try {
            Shape shape = MAPPER.readValue(json, Shape.class);
            return new Document(shape.id(), shape.properties(), shape.parts(), shape.audit());
        } catch (IOException e) {
            throw new UncheckedIOException("not a document record: " + e.getMessage(), e);
        }
    }

    private record Shape(String id, Map<String, String> properties, List<Part> parts, List<AuditEntry> audit) {
    }
}
