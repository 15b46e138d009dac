package io.flowpack.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One layer of a Keras model config: class, name, config, and for each time the layer is called (a "node") the
 * tensors it is called on.
 */
record KerasLayer(String className, String name, JsonNode config, List<List<TensorRef>> calls) {

    /** A tensor of a Keras graph: output {@code tensor} of call {@code node} of layer {@code layer}. */
    record TensorRef(String layer, int node, int tensor) {
        static TensorRef parse(JsonNode triple) {
            return new TensorRef(triple.get(0).asText(), triple.path(1).asInt(0), triple.path(2).asInt(0));
        }
    }

    static KerasLayer parse(JsonNode json) {
        JsonNode config = json.path("config");
        String name = json.has("name") ? json.path("name").asText() : config.path("name").asText();
        List<List<TensorRef>> calls = new ArrayList<>();
        for (JsonNode call : json.path("inbound_nodes")) {
            List<TensorRef> inputs = new ArrayList<>();
            if (call.isObject()) { // Keras 3: {"args": [...], "kwargs": {...}} with keras_history triples inside
                collectHistories(call.path("args"), inputs);
            } else {
                for (JsonNode ref : call) {
                    inputs.add(TensorRef.parse(ref));
                }
            }
            calls.add(inputs);
        }
        return new KerasLayer(json.path("class_name").asText(), name, config, calls);
    }

    private static void collectHistories(JsonNode node, List<TensorRef> into) {
        if (node.has("keras_history")) {
            into.add(TensorRef.parse(node.get("keras_history")));
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectHistories(child, into));
        }
    }

    String describe() {
        return "layer '" + name + "' of class '" + className + "'";
    }

    int[] ints(String key, int defaultValue, int count) {
        JsonNode node = config.path(key);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = node.isArray() ? node.get(Math.min(i, node.size() - 1)).asInt()
                    : node.isNumber() ? node.asInt() : defaultValue;
        }
        return values;
    }

    long[] longs(String key, int defaultValue) {
        return NhwcOps.toLongs(ints(key, defaultValue, 2));
    }
}
