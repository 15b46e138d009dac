package io.flowpack.comfy.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param hidden       {@code input.hidden}: name to kind ({@code "prompt": "PROMPT"}, {@code "extra_pnginfo":
 *                     "EXTRA_PNGINFO"}, {@code "unique_id": "UNIQUE_ID"}) in order; the runner supplies these
 *                     through {@link NodeContext}, not through the inputs map
 * @param pythonModule {@code python_module}: {@code nodes} for ComfyUI's core nodes, {@code comfy_extras.…} for its
 *                     extras, {@code custom_nodes.flowpack} for flowpack's own (the frontend's source badge)
 */
public record NodeDefinition(String classType, String displayName, String category, String description,
                             List<InputSpec> required, List<InputSpec> optional, List<OutputSpec> outputs,
                             boolean outputNode, boolean inputIsList, Map<String, String> hidden,
                             String pythonModule) {

    /** ComfyUI's module name for its core nodes. */
    public static final String CORE_MODULE = "nodes";

    public NodeDefinition {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        outputs = List.copyOf(outputs);
        hidden = Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
        pythonModule = pythonModule == null || pythonModule.isBlank() ? CORE_MODULE : pythonModule;
    }

    /** A definition with no hidden inputs, from ComfyUI's core module {@code nodes}. */
    public NodeDefinition(String classType, String displayName, String category, String description,
                          List<InputSpec> required, List<InputSpec> optional, List<OutputSpec> outputs,
                          boolean outputNode, boolean inputIsList) {
        this(classType, displayName, category, description, required, optional, outputs, outputNode, inputIsList,
                Map.of(), CORE_MODULE);
    }

    /** This definition with the given hidden inputs. */
    public NodeDefinition withHidden(Map<String, String> hiddenInputs) {
        return new NodeDefinition(classType, displayName, category, description, required, optional, outputs,
                outputNode, inputIsList, hiddenInputs, pythonModule);
    }

    /** This definition reported as coming from another Python module. */
    public NodeDefinition withPythonModule(String module) {
        return new NodeDefinition(classType, displayName, category, description, required, optional, outputs,
                outputNode, inputIsList, hidden, module);
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
