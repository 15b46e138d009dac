package io.flowpack.model.tfjs.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.model.tfjs.TfjsImportException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code attr} map of a graph node in the JSON form of TensorFlow's {@code AttrValue}: {@code i} (int64 as a
 * string), {@code f}, {@code s} (base64), {@code b}, {@code type}, {@code shape} and {@code list} of those.
 */
final class NodeAttributes {
    private final JsonNode attributes;
    private final String owner;

    NodeAttributes(JsonNode attributes, String owner) {
        this.attributes = attributes;
        this.owner = owner;
    }

    boolean has(String name) {
        return attributes.has(name);
    }

    long integer(String name, long fallback) {
        JsonNode value = attributes.path(name).path("i");
        return value.isMissingNode() ? fallback : Long.parseLong(value.asText());
    }

    float real(String name, float fallback) {
        JsonNode value = attributes.path(name).path("f");
        return value.isMissingNode() ? fallback : (float) number(value);
    }

    String text(String name, String fallback) {
        JsonNode value = attributes.path(name).path("s");
        if (value.isMissingNode()) {
            return fallback;
        }
        return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
    }

    boolean flag(String name, boolean fallback) {
        JsonNode value = attributes.path(name).path("b");
        return value.isMissingNode() ? fallback : value.asBoolean();
    }

    /** A {@code type} attribute such as {@code DT_FLOAT}, or {@code fallback}. */
    String type(String name, String fallback) {
        return attributes.path(name).path("type").asText(fallback);
    }

    /** A {@code list.i} attribute; empty when absent. */
    long[] integers(String name) {
        JsonNode values = attributes.path(name).path("list").path("i");
        long[] result = new long[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = Long.parseLong(values.get(i).asText());
        }
        return result;
    }

    /** A {@code list.i} attribute that must have {@code size} entries, or {@code fallback} when absent. */
    long[] integers(String name, int size, long[] fallback) {
        long[] values = integers(name);
        if (values.length == 0) {
            return fallback;
        }
        if (values.length != size) {
            throw new TfjsImportException(owner + ": attribute '" + name + "' has " + values.length
                    + " values, " + size + " expected");
        }
        return values;
    }

    /** A {@code shape} attribute's dimensions, -1 where unknown; null when absent or of unknown rank. */
    long[] shape(String name) {
        JsonNode shape = attributes.path(name).path("shape");
        if (shape.isMissingNode() || shape.path("unknownRank").asBoolean(false)) {
            return null;
        }
        JsonNode dims = shape.path("dim");
        long[] result = new long[dims.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = Long.parseLong(dims.get(i).path("size").asText("-1"));
        }
        return result;
    }

    private static double number(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        return switch (value.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value.asText());
        };
    }
}
