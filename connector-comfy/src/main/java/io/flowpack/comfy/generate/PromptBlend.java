package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyJson;

import java.util.Iterator;
import java.util.Map;

/**
 * Turns a text encoder into FizzNodes' blend of two prompts with ComfyUI's core {@code ConditioningAverage}:
 * the node titled {@code <title>} keeps the current prompt, a copy titled {@code <title> (next)} encodes the next
 * one, and a {@code ConditioningAverage} titled {@code <title> (blend)} gives
 * {@code weight·current + (1 − weight)·next} ({@code conditioning_to} = current, {@code conditioning_from} = next,
 * {@code conditioning_to_strength} = weight) to every input that read the encoder's output.
 */
final class PromptBlend {
    static final String CONDITIONING_AVERAGE = "ConditioningAverage";

    private PromptBlend() {
    }

    /** Rewrites {@code workflow} in place; {@code encoderId} is the node titled {@code title}. */
    static void insert(ObjectNode workflow, String encoderId, String title, String nextPrompt, double weight) {
        ObjectNode next = ((ObjectNode) workflow.get(encoderId)).deepCopy();
        next.withObjectProperty("_meta").put("title", title + GenerationTitles.NEXT_SUFFIX);
        next.withObjectProperty("inputs").put("text", nextPrompt);
        String nextId = freeId(workflow);
        workflow.set(nextId, next);

        ObjectNode average = ComfyJson.MAPPER.createObjectNode();
        average.put("class_type", CONDITIONING_AVERAGE);
        average.withObjectProperty("_meta").put("title", title + GenerationTitles.BLEND_SUFFIX);
        String averageId = freeId(workflow);
        relink(workflow, encoderId, averageId);
        ObjectNode inputs = average.withObjectProperty("inputs");
        inputs.set("conditioning_to", link(encoderId));
        inputs.set("conditioning_from", link(nextId));
        inputs.put("conditioning_to_strength", weight);
        workflow.set(averageId, average);
    }

    /** Every input linked to output 0 of {@code from} is linked to output 0 of {@code to} instead. */
    private static void relink(ObjectNode workflow, String from, String to) {
        Iterator<Map.Entry<String, JsonNode>> nodes = workflow.fields();
        while (nodes.hasNext()) {
            JsonNode inputs = nodes.next().getValue().path("inputs");
            if (!(inputs instanceof ObjectNode object)) {
                continue;
            }
            object.fields().forEachRemaining(input -> {
                JsonNode value = input.getValue();
                if (value.isArray() && value.size() == 2 && from.equals(value.get(0).asText())
                        && value.get(1).asInt(-1) == 0) {
                    input.setValue(link(to));
                }
            });
        }
    }

    private static ArrayNode link(String id) {
        return ComfyJson.MAPPER.createArrayNode().add(id).add(0);
    }

    /** One more than the largest numeric node id. */
    private static String freeId(ObjectNode workflow) {
        long max = 0;
        Iterator<String> ids = workflow.fieldNames();
        while (ids.hasNext()) {
            String id = ids.next();
            if (id.chars().allMatch(Character::isDigit) && id.length() < 18) {
                max = Math.max(max, Long.parseLong(id));
            }
        }
        return Long.toString(max + 1);
    }
}
