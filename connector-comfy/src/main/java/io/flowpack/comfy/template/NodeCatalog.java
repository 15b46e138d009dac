package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyClient;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The node classes a server offers (from {@code /object_info}), as far as a workflow needs them. */
public final class NodeCatalog {
    private final String server;
    private final Map<String, NodeClass> classes;

    public NodeCatalog(String server, Map<String, NodeClass> classes) {
        this.server = server;
        this.classes = Map.copyOf(classes);
    }

    /** Every class of a full {@code /object_info} answer. */
    public static NodeCatalog parse(String server, JsonNode objectInfo) {
        Map<String, NodeClass> classes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = objectInfo.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                classes.put(field.getKey(), NodeClass.parse(field.getKey(), field.getValue()));
            }
        }
        return new NodeCatalog(server, classes);
    }

    /**
     * The classes the workflow uses, each fetched fresh with {@code /object_info/{class}} (small answers, and combo
     * lists such as uploaded input images are current).
     */
    public static NodeCatalog fetch(ComfyClient client, ObjectNode workflow) {
        Set<String> wanted = new LinkedHashSet<>();
        workflow.forEach(node -> wanted.add(node.path("class_type").asText()));
        Map<String, NodeClass> classes = new LinkedHashMap<>();
        for (String classType : wanted) {
            client.objectInfo(classType).ifPresent(info -> classes.put(classType, NodeClass.parse(classType, info)));
        }
        return new NodeCatalog(client.settings().name(), classes);
    }

    public String server() {
        return server;
    }

    public Optional<NodeClass> find(String classType) {
        return Optional.ofNullable(classes.get(classType));
    }
}
