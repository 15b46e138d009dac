package io.flowpack.comfy.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyJson;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A ComfyUI workflow in API format ({@code {"<id>": {"class_type", "inputs", "_meta": {"title"}}}}) kept as a
 * template: parsed once, checked for shape, copied for every run.
 *
 * @param name     the template's name ({@code comfy:<name>})
 * @param source   where it came from, for messages (a file path)
 * @param workflow the parsed workflow; never modified, use {@link #copy()}
 */
public record WorkflowTemplate(String name, String source, ObjectNode workflow) {

    /** A fresh, modifiable copy of the workflow for one run. */
    public ObjectNode copy() {
        return workflow.deepCopy();
    }

    /** Parses and checks a template; every problem names the file, and the line or node where it is. */
    public static WorkflowTemplate parse(String name, String source, byte[] json) {
        JsonNode root;
        try {
            root = ComfyJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new TemplateException("workflow template '" + name + "' (" + source + ") is not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TemplateException("workflow template '" + name + "' (" + source + ") cannot be read: "
                    + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new TemplateException("workflow template '" + name + "' (" + source + ") is empty");
        }
        if (!root.isObject()) {
            throw new TemplateException("workflow template '" + name + "' (" + source
                    + ") must be a JSON object of nodes keyed by id (ComfyUI's API format), not " + kind(root));
        }
        if (root.has("nodes") && root.has("links")) {
            throw new TemplateException("workflow template '" + name + "' (" + source
                    + ") is in ComfyUI's editor (UI) format; export it with \"Save (API Format)\" / \"Export (API)\"");
        }
        if (root.isEmpty()) {
            throw new TemplateException("workflow template '" + name + "' (" + source + ") has no nodes");
        }
        Iterator<Map.Entry<String, JsonNode>> nodes = root.fields();
        while (nodes.hasNext()) {
            Map.Entry<String, JsonNode> node = nodes.next();
            checkNode(name, source, node.getKey(), node.getValue());
        }
        return new WorkflowTemplate(name, source, (ObjectNode) root);
    }

    private static void checkNode(String name, String source, String id, JsonNode node) {
        String where = "workflow template '" + name + "' (" + source + "), node " + id;
        if (!node.isObject()) {
            throw new TemplateException(where + ": must be an object with class_type and inputs, not " + kind(node));
        }
        JsonNode classType = node.get("class_type");
        if (classType == null || !classType.isTextual() || classType.asText().isBlank()) {
            throw new TemplateException(where + ": has no class_type (a non-empty string)");
        }
        JsonNode inputs = node.get("inputs");
        if (inputs != null && !inputs.isObject()) {
            throw new TemplateException(where + " (" + classType.asText() + "): inputs must be an object, not "
                    + kind(inputs));
        }
        if (inputs == null) {
            ((ObjectNode) node).putObject("inputs");
        }
        JsonNode meta = node.get("_meta");
        if (meta != null && (!meta.isObject() || (meta.has("title") && !meta.get("title").isTextual()))) {
            throw new TemplateException(where + " (" + classType.asText() + "): _meta must be {\"title\": \"…\"}");
        }
        Iterator<Map.Entry<String, JsonNode>> values = node.path("inputs").fields();
        while (values.hasNext()) {
            Map.Entry<String, JsonNode> input = values.next();
            JsonNode value = input.getValue();
            if (value.isArray() && (value.size() != 2 || !value.get(0).isTextual() || !value.get(1).canConvertToInt())) {
                throw new TemplateException(where + " (" + classType.asText() + "), input '" + input.getKey()
                        + "': a link must be [\"<node id>\", <output index>], got " + value
                        + " (wrap a literal list as {\"__value__\": [...]})");
            }
        }
    }

    static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "an object";
    }
}
