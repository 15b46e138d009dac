package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds parameters into a workflow: {@code sampler.seed=42} sets input {@code seed} of the node titled (or with id)
 * {@code sampler}. Text values are converted to the input's type — from the server's {@code /object_info} when known,
 * else from the template's current value — so {@code "42"} becomes the number 42 and {@code "false"} a JSON boolean.
 */
public final class WorkflowBinder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One parameter, its node resolved. */
    public record Binding(ParameterKey key, String nodeId, Object value) {
    }

    private WorkflowBinder() {
    }

    /** Resolves every parameter's node (before anything is uploaded, so a wrong name fails first). */
    public static List<Binding> resolve(ObjectNode workflow, Map<String, ?> parameters, String template) {
        List<Binding> bindings = new ArrayList<>();
        parameters.forEach((key, value) -> {
            ParameterKey parsed = ParameterKey.parse(key);
            bindings.add(new Binding(parsed, WorkflowNodes.resolve(workflow, parsed.node(), template), value));
        });
        return bindings;
    }

    /** Writes the values into the workflow; {@code catalog} may be null (types then come from the template). */
    public static void apply(ObjectNode workflow, List<Binding> bindings, NodeCatalog catalog, String template) {
        for (Binding binding : bindings) {
            ObjectNode node = (ObjectNode) workflow.get(binding.nodeId());
            ObjectNode inputs = node.withObjectProperty("inputs");
            String input = binding.key().input();
            String where = "workflow template '" + template + "', parameter " + binding.key() + " (node "
                    + WorkflowNodes.describe(workflow, binding.nodeId()) + ", input '" + input + "')";
            JsonNode current = inputs.get(input);
            if (current != null && current.isArray()) {
                throw new TemplateException(where + ": the input is linked to node " + current.path(0).asText()
                        + "; only literal inputs can be set");
            }
            InputDecl decl = catalog == null ? null : catalog.find(node.path("class_type").asText())
                    .map(c -> c.inputs().get(input)).orElse(null);
            if (decl != null && !decl.isWidget()) {
                throw new TemplateException(where + ": the input takes a link to a " + decl.type()
                        + " output, not a value");
            }
            String type = decl != null ? decl.type() : typeOf(current);
            inputs.set(input, convert(binding.value(), type, where));
        }
    }

    private static String typeOf(JsonNode current) {
        if (current == null) {
            return "*";
        }
        return current.isIntegralNumber() ? "INT" : current.isNumber() ? "FLOAT" : current.isBoolean() ? "BOOLEAN"
                : current.isTextual() ? "STRING" : "*";
    }

    static JsonNode convert(Object value, String type, String where) {
        if (value instanceof JsonNode json) {
            return json;
        }
        if (!(value instanceof String || value instanceof CharSequence)) {
            return ComfyJson.MAPPER.valueToTree(value);
        }
        String text = value.toString().trim();
        try {
            switch (type) {
                case "INT" -> {
                    BigInteger number = new BigDecimal(text).toBigIntegerExact();
                    return number.bitLength() < 64 ? JSON.numberNode(number.longValue()) : JSON.numberNode(number);
                }
                case "FLOAT" -> {
                    return JSON.numberNode(new BigDecimal(text).doubleValue());
                }
                case "BOOLEAN" -> {
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return JSON.booleanNode(Boolean.parseBoolean(text));
                    }
                    throw new TemplateException(where + ": expects a boolean (true or false), got '" + value + "'");
                }
                default -> {
                    return JSON.textNode(value.toString());
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TemplateException(where + ": expects " + ("INT".equals(type) ? "an integer" : "a number")
                    + " (" + type + "), got '" + value + "'");
        }
    }
}
