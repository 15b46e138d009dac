package io.flowpack.comfy.client;

import java.util.List;

/**
 * One entry of ComfyUI's {@code node_errors[id].errors[]}.
 *
 * @param nodeId           the node's id in the workflow
 * @param classType        the node's {@code class_type}
 * @param type             ComfyUI's error type, e.g. {@code value_not_in_list}, {@code required_input_missing}
 * @param message          e.g. {@code Value not in list}
 * @param details          e.g. {@code ckpt_name: 'x.safetensors' not in []}
 * @param inputName        {@code extra_info.input_name}, or null
 * @param receivedValue    {@code extra_info.received_value} as JSON text, or null
 * @param dependentOutputs the output nodes that depended on this node
 */
public record NodeError(String nodeId, String classType, String type, String message, String details,
                        String inputName, String receivedValue, List<String> dependentOutputs) {

    public NodeError {
        dependentOutputs = dependentOutputs == null ? List.of() : List.copyOf(dependentOutputs);
    }

    /** {@code node 4 (CheckpointLoaderSimple) input 'ckpt_name': Value not in list: ckpt_name: 'x' not in []}. */
    public String describe() {
        StringBuilder text = new StringBuilder("node ").append(nodeId);
        if (classType != null && !classType.isEmpty()) {
            text.append(" (").append(classType).append(')');
        }
        if (inputName != null && !inputName.isEmpty()) {
            text.append(" input '").append(inputName).append('\'');
        }
        text.append(": ").append(message == null || message.isEmpty() ? type : message);
        if (details != null && !details.isEmpty()) {
            text.append(": ").append(details);
        }
        return text.toString();
    }
}
