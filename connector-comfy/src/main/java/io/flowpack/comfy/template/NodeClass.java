package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node class as a server's {@code /object_info} describes it: its inputs (required and optional; hidden ones are
 * filled by the server) and its output types.
 */
public record NodeClass(String name, Map<String, InputDecl> inputs, List<String> hidden, List<String> outputs,
                        boolean outputNode) {

    public NodeClass {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        hidden = List.copyOf(hidden);
        outputs = List.copyOf(outputs);
    }

    public static NodeClass parse(String name, JsonNode info) {
        Map<String, InputDecl> inputs = new LinkedHashMap<>();
        add(inputs, info.path("input").path("required"), true);
        add(inputs, info.path("input").path("optional"), false);
        List<String> hidden = new ArrayList<>();
        info.path("input").path("hidden").fieldNames().forEachRemaining(hidden::add);
        List<String> outputs = new ArrayList<>();
        for (JsonNode output : info.path("output")) {
            outputs.add(output.isArray() ? "COMBO" : output.asText());
        }
        return new NodeClass(name, inputs, hidden, outputs, info.path("output_node").asBoolean(false));
    }

    private static void add(Map<String, InputDecl> inputs, JsonNode section, boolean required) {
        Iterator<Map.Entry<String, JsonNode>> fields = section.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            inputs.put(field.getKey(), InputDecl.parse(field.getKey(), field.getValue(), required));
        }
    }
}
