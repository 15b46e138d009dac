package io.flowpack.comfy.runner;

import io.flowpack.comfy.graph.InputConfig;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.OutputSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link NodeDefinition} in the shape of ComfyUI's {@code /object_info} entry for a classic node. */
final class ObjectInfo {

    private ObjectInfo() {
    }

    static Map<String, Object> of(NodeDefinition definition) {
        Map<String, Object> input = new LinkedHashMap<>();
        Map<String, Object> order = new LinkedHashMap<>();
        input.put("required", specs(definition.required()));
        order.put("required", names(definition.required()));
        if (!definition.optional().isEmpty()) {
            input.put("optional", specs(definition.optional()));
            order.put("optional", names(definition.optional()));
        }
        if (!definition.hidden().isEmpty()) {
            input.put("hidden", definition.hidden());
            order.put("hidden", List.copyOf(definition.hidden().keySet()));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("input", input);
        info.put("input_order", order);
        info.put("is_input_list", definition.inputIsList());
        info.put("output", definition.outputs().stream().map(OutputSpec::type).toList());
        info.put("output_is_list", definition.outputs().stream().map(OutputSpec::isList).toList());
        info.put("output_name", definition.outputs().stream().map(OutputSpec::name).toList());
        info.put("name", definition.classType());
        info.put("display_name", definition.displayName() == null ? definition.classType() : definition.displayName());
        info.put("description", definition.description() == null ? "" : definition.description());
        info.put("python_module", definition.pythonModule());
        info.put("category", definition.category() == null ? "sd" : definition.category());
        info.put("output_node", definition.outputNode());
        info.put("deprecated", false);
        info.put("experimental", false);
        return info;
    }

    private static Map<String, Object> specs(List<InputSpec> specs) {
        Map<String, Object> map = new LinkedHashMap<>();
        specs.forEach(spec -> map.put(spec.name(), InputConfig.of(spec)));
        return map;
    }

    private static List<String> names(List<InputSpec> specs) {
        return specs.stream().map(InputSpec::name).toList();
    }
}
