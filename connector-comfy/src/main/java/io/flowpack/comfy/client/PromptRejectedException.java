package io.flowpack.comfy.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST /prompt} refused the workflow (HTTP 400), or accepted it only partly: ComfyUI's {@code error} and every
 * {@code node_errors} entry, each naming node, class and input.
 */
public class PromptRejectedException extends ComfyException {
    private final String errorType;
    private final String errorMessage;
    private final String details;
    private final List<NodeError> nodeErrors;

    public PromptRejectedException(String server, String errorType, String errorMessage, String details,
                                   List<NodeError> nodeErrors) {
        super(describe(server, errorType, errorMessage, details, nodeErrors));
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.details = details;
        this.nodeErrors = List.copyOf(nodeErrors);
    }

    /** ComfyUI's {@code error.type}, e.g. {@code prompt_outputs_failed_validation}, {@code invalid_prompt}. */
    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String details() {
        return details;
    }

    public List<NodeError> nodeErrors() {
        return nodeErrors;
    }

    private static String describe(String server, String type, String message, String details, List<NodeError> nodes) {
        StringBuilder text = new StringBuilder("ComfyUI server '").append(server).append("' refused the workflow: ")
                .append(message == null || message.isEmpty() ? type : message);
        if (nodes.isEmpty() && details != null && !details.isEmpty()) {
            text.append(": ").append(details);
        }
        if (type != null && message != null && !message.isEmpty()) {
            text.append(" [").append(type).append(']');
        }
        if (!nodes.isEmpty()) {
            text.append("; ").append(nodes.stream().map(NodeError::describe).collect(Collectors.joining("; ")));
        }
        return text.toString();
    }
}
