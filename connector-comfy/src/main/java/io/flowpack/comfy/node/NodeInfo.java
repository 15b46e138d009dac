package io.flowpack.comfy.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link NodeDefinition} in the shape ComfyUI's {@code /object_info} serves for a classic (V1) node: {@code input}
 * ({@code required}, {@code optional}, {@code hidden}), {@code input_order}, {@code is_input_list}, {@code output},
 * {@code output_is_list}, {@code output_name}, {@code name}, {@code display_name}, {@code description},
 * {@code python_module}, {@code category}, {@code output_node}. Input specs are {@code ["TYPE"]} or
 * {@code ["TYPE", {options}]}, combos {@code [[choices]]} or {@code [[choices], {options}]}. The maps keep
 * ComfyUI's key order; serialise them with any JSON library.
 */
public final class NodeInfo {

    private NodeInfo() {
    }

    /** The value of {@code /object_info/{class}}'s single key. */
    public static Map<String, Object> of(NodeDefinition definition) {
        Map<String, Object> input = new LinkedHashMap<>();
        Map<String, Object> order = new LinkedHashMap<>();
        input.put("required", specs(definition.required()));
        order.put("required", names(definition.required()));
        if (!definition.optional().isEmpty()) {
            input.put("optional", specs(definition.optional()));
            order.put("optional", names(definition.optional()));
        }
        if (!definition.hidden().isEmpty()) {
            input.put("hidden", new LinkedHashMap<>(definition.hidden()));
            order.put("hidden", new ArrayList<>(definition.hidden().keySet()));
        }
        List<Object> types = new ArrayList<>();
        List<Object> isList = new ArrayList<>();
        List<Object> outputNames = new ArrayList<>();
        for (OutputSpec output : definition.outputs()) {
            types.add(output.type());
            isList.add(output.isList());
            outputNames.add(output.name());
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("input", input);
        info.put("input_order", order);
        info.put("is_input_list", definition.inputIsList());
        info.put("output", types);
        info.put("output_is_list", isList);
        info.put("output_name", outputNames);
        info.put("name", definition.classType());
        info.put("display_name", definition.displayName());
        info.put("description", definition.description() == null ? "" : definition.description());
        info.put("python_module", definition.pythonModule());
        info.put("category", definition.category());
        info.put("output_node", definition.outputNode());
        return info;
    }

    /** One input as ComfyUI declares it. */
    public static List<Object> spec(InputSpec spec) {
        List<Object> declaration = new ArrayList<>(2);
        declaration.add(spec.type().equals("COMBO") ? new ArrayList<>(spec.choices()) : spec.type());
        if (!spec.options().isEmpty()) {
            declaration.add(new LinkedHashMap<>(spec.options()));
        }
        return declaration;
    }

    private static Map<String, Object> specs(List<InputSpec> inputs) {
        Map<String, Object> specs = new LinkedHashMap<>();
        for (InputSpec spec : inputs) {
            specs.put(spec.name(), spec(spec));
        }
        return specs;
    }

    private static List<Object> names(List<InputSpec> inputs) {
        return new ArrayList<>(inputs.stream().map(InputSpec::name).toList());
    }
}
