package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.NodeDefinition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One validated node of a prompt.
 *
 * @param id         the node id ({@code "3"}, {@code "57:12"})
 * @param node       the node type that runs it
 * @param definition the definition it was validated against
 * @param literals   declared literal inputs, coerced to their types ({@code INT} → Integer/Long, {@code FLOAT} →
 *                   Double, …), in declaration order
 * @param links      declared linked inputs, in declaration order
 */
public record PromptNode(String id, ComfyNode node, NodeDefinition definition, Map<String, Object> literals,
                         Map<String, Link> links) {

    public PromptNode {
        literals = Collections.unmodifiableMap(new LinkedHashMap<>(literals));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }

    public String classType() {
        return definition.classType();
    }
}
