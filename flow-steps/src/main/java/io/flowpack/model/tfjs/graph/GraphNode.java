package io.flowpack.model.tfjs.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a graph model's {@code modelTopology.node}: its data inputs (control inputs, written {@code ^name},
 * only order execution and are left out) and attributes.
 */
record GraphNode(String name, String op, List<TensorName> inputs, NodeAttributes attributes) {

    static GraphNode parse(JsonNode json) {
        String name = json.path("name").asText();
        String op = json.path("op").asText();
        List<TensorName> inputs = new ArrayList<>();
        for (JsonNode input : json.path("input")) {
            if (!input.asText().startsWith("^")) {
                inputs.add(TensorName.parse(input.asText()));
            }
        }
        return new GraphNode(name, op, List.copyOf(inputs), new NodeAttributes(json.path("attr"), describe(name, op)));
    }

    /** How messages name this node: {@code node 'conv1' (Conv2D)}. */
    String describe() {
        return describe(name, op);
    }

    private static String describe(String name, String op) {
        return "node '" + name + "' (" + op + ")";
    }
}
