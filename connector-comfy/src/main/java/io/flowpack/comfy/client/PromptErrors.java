package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads ComfyUI's error shapes: the {@code /prompt} 400 body and {@code execution_error} data. */
public final class PromptErrors {

    private PromptErrors() {
    }

    /**
     * The exception for a {@code /prompt} answer: {@code {"error": {type, message, details, extra_info},
     * "node_errors": {id: {errors: [...], dependent_outputs, class_type}}}}; tolerates an {@code error} that is a plain
     * string (some proxies and older servers) and a missing {@code node_errors}.
     */
    public static PromptRejectedException rejected(String server, JsonNode body) {
        JsonNode error = body.path("error");
        String type;
        String message;
        String details;
        if (error.isTextual()) {
            type = null;
            message = error.asText();
            details = null;
        } else {
            type = ComfyJson.text(error, "type");
            message = ComfyJson.text(error, "message");
            details = ComfyJson.text(error, "details");
        }
        return new PromptRejectedException(server, type, message, details, nodeErrors(body.path("node_errors")));
    }

    /** Every error of a {@code node_errors} object, in the server's order. */
    public static List<NodeError> nodeErrors(JsonNode nodeErrors) {
        List<NodeError> found = new ArrayList<>();
        if (!nodeErrors.isObject()) {
            return found;
        }
        Iterator<Map.Entry<String, JsonNode>> nodes = nodeErrors.fields();
        while (nodes.hasNext()) {
            Map.Entry<String, JsonNode> node = nodes.next();
            JsonNode entry = node.getValue();
            String classType = ComfyJson.text(entry, "class_type");
            List<String> dependents = new ArrayList<>();
            entry.path("dependent_outputs").forEach(d -> dependents.add(d.asText()));
            JsonNode errors = entry.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                found.add(new NodeError(node.getKey(), classType, "unknown", "invalid node", null, null, null, dependents));
                continue;
            }
            for (JsonNode error : errors) {
                JsonNode extra = error.path("extra_info");
                JsonNode received = extra.get("received_value");
                found.add(new NodeError(node.getKey(), classType, ComfyJson.text(error, "type"),
                        ComfyJson.text(error, "message"), ComfyJson.text(error, "details"),
                        ComfyJson.text(extra, "input_name"), received == null ? null : received.toString(),
                        dependents));
            }
        }
        return found;
    }

    /** The exception for an {@code execution_error} message's data (also the history's message of that name). */
    public static PromptFailedException failed(String server, String promptId, JsonNode data) {
        return new PromptFailedException(server, promptId, ComfyJson.text(data, "node_id"),
                ComfyJson.text(data, "node_type"), ComfyJson.text(data, "exception_type"),
                ComfyJson.text(data, "exception_message"));
    }

    /** The exception for an {@code execution_interrupted} message's data. */
    public static PromptInterruptedException interrupted(String server, String promptId, JsonNode data) {
        String node = ComfyJson.text(data, "node_id");
        String type = ComfyJson.text(data, "node_type");
        return new PromptInterruptedException("ComfyUI server '" + server + "': prompt " + promptId + " was interrupted"
                + (node == null ? "" : " in node " + node + (type == null ? "" : " (" + type + ")")), promptId);
    }
}
