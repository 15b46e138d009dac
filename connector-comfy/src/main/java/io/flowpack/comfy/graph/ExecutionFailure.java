package io.flowpack.comfy.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a prompt stopped at a node: the fields of ComfyUI's {@code execution_error} (the interrupted case uses the first
 * two only).
 *
 * @param nodeId           the failing node
 * @param nodeType         its class type
 * @param exceptionMessage the message, ending with a newline as ComfyUI's does
 * @param exceptionType    e.g. {@code NodeException}, {@code java.lang.IllegalArgumentException}
 * @param traceback        one string per stack frame
 * @param currentInputs    the node's inputs, each a list of formatted values
 * @param currentOutputs   the ids of nodes whose outputs were available
 */
public record ExecutionFailure(String nodeId, String nodeType, String exceptionMessage, String exceptionType,
                               List<String> traceback, Map<String, List<Object>> currentInputs,
                               List<String> currentOutputs) {

    public ExecutionFailure {
        traceback = List.copyOf(traceback);
        currentInputs = Collections.unmodifiableMap(new LinkedHashMap<>(currentInputs));
        currentOutputs = List.copyOf(currentOutputs);
    }
}
