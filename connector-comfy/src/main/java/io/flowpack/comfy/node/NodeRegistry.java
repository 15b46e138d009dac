package io.flowpack.comfy.node;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The node types a runner offers, by {@code class_type}, in registration order. Thread-safe for reading. */
public final class NodeRegistry {

    private final Map<String, ComfyNode> nodes = new LinkedHashMap<>();

    /** Adds a node type; a second node with the same class type is refused. */
    public synchronized NodeRegistry register(ComfyNode node) {
        String classType = node.definition().classType();
        if (nodes.putIfAbsent(classType, node) != null) {
            throw new IllegalArgumentException("node class '" + classType + "' is registered twice");
        }
        return this;
    }

    public synchronized Optional<ComfyNode> find(String classType) {
        return Optional.ofNullable(nodes.get(classType));
    }

    public synchronized Collection<ComfyNode> all() {
        return Collections.unmodifiableCollection(new java.util.ArrayList<>(nodes.values()));
    }
}
