package io.flowpack.comfy.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;

/** The one JSON mapper of the client; integers beyond {@code long} (seeds up to 2^64−1) stay exact. */
public final class ComfyJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ComfyJson() {
    }

    public static JsonNode parse(byte[] body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ComfyException(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ComfyException(what + " could not be read: " + e.getMessage());
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The text of a field, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
