package io.flowpack.comfy.node;

import java.util.List;

/**
 * Everything {@code /object_info/{class}} reports for one node type.
 *
 * @param classType    the {@code class_type} / object_info key, e.g. {@code ImageScaleBy}
 * @param displayName  {@code display_name}
 * @param category     {@code category}, e.g. {@code image/upscaling} or {@code flowpack}
 * @param description  {@code description}, may be empty
 * @param required     the {@code input.required} entries in order
 * @param optional     the {@code input.optional} entries in order
 * @param outputs      {@code output}, {@code output_name}, {@code output_is_list} in order
 * @param outputNode   {@code output_node}: the runner executes output nodes and what they need
 * @param inputIsList  ComfyUI's {@code INPUT_IS_LIST}: the node gets whole lists once instead of one call per item
 */
public record NodeDefinition(String classType, String displayName, String category, String description,
                             List<InputSpec> required, List<InputSpec> optional, List<OutputSpec> outputs,
                             boolean outputNode, boolean inputIsList) {

    public NodeDefinition {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        outputs = List.copyOf(outputs);
    }

    /** The input spec by name, required or optional, or null. */
    public InputSpec input(String name) {
        for (InputSpec spec : required) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        for (InputSpec spec : optional) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }
}
