package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a workflow against a server's node classes before it is queued, as ComfyUI's own validation would, but
 * with every problem at once and named by node and input: unknown class, unknown or missing input, a link to a
 * missing node or output or of the wrong type, a value of the wrong type, outside min/max, or not in a combo.
 */
public final class WorkflowValidator {

    private WorkflowValidator() {
    }

    public static void validate(ObjectNode workflow, NodeCatalog catalog, String template) {
        List<WorkflowProblem> problems = problems(workflow, catalog);
        if (!problems.isEmpty()) {
            throw new WorkflowValidationException(template, catalog.server(), problems);
        }
    }

    public static List<WorkflowProblem> problems(ObjectNode workflow, NodeCatalog catalog) {
        List<WorkflowProblem> problems = new ArrayList<>();
        for (String id : WorkflowNodes.ids(workflow)) {
            JsonNode node = workflow.get(id);
            String name = WorkflowNodes.describe(workflow, id);
            String classType = node.path("class_type").asText();
            NodeClass nodeClass = catalog.find(classType).orElse(null);
            if (nodeClass == null) {
                problems.add(new WorkflowProblem(id, name, null, "the server has no node class '" + classType + "'"));
                continue;
            }
            JsonNode inputs = node.path("inputs");
            Iterator<Map.Entry<String, JsonNode>> given = inputs.fields();
            while (given.hasNext()) {
                Map.Entry<String, JsonNode> input = given.next();
                InputDecl decl = nodeClass.inputs().get(input.getKey());
                if (decl == null) {
                    // an undeclared link is how nodes with dynamic inputs are fed (ComfyUI passes it on); an
                    // undeclared literal is ignored by ComfyUI, so here it is most likely a misspelt name
                    if (!nodeClass.hidden().contains(input.getKey()) && !input.getValue().isArray()) {
                        problems.add(new WorkflowProblem(id, name, input.getKey(), "unknown input; " + classType
                                + " takes " + String.join(", ", nodeClass.inputs().keySet())));
                    }
                    continue;
                }
                String problem = input.getValue().isArray()
                        ? checkLink(workflow, catalog, decl, input.getValue())
                        : checkValue(decl, unwrap(input.getValue()));
                if (problem != null) {
                    problems.add(new WorkflowProblem(id, name, input.getKey(), problem));
                }
            }
            for (InputDecl decl : nodeClass.inputs().values()) {
                if (decl.required() && !inputs.has(decl.name())) {
                    problems.add(new WorkflowProblem(id, name, decl.name(), "required input is missing ("
                            + decl.type() + ")"));
                }
            }
        }
        return problems;
    }

    private static String checkLink(ObjectNode workflow, NodeCatalog catalog, InputDecl decl, JsonNode link) {
        String source = link.path(0).asText();
        int slot = link.path(1).asInt(-1);
        JsonNode from = workflow.get(source);
        if (from == null) {
            return "linked to node " + source + ", which the workflow does not have";
        }
        NodeClass fromClass = catalog.find(from.path("class_type").asText()).orElse(null);
        if (fromClass == null) {
            return null; // reported on that node
        }
        if (slot < 0 || slot >= fromClass.outputs().size()) {
            return "linked to output " + slot + " of node " + WorkflowNodes.describe(workflow, source) + ", which has "
                    + fromClass.outputs().size() + " output(s)";
        }
        String type = fromClass.outputs().get(slot);
        if (!decl.accepts(type)) {
            return "needs " + decl.type() + " but is linked to output " + slot + " (" + type + ") of node "
                    + WorkflowNodes.describe(workflow, source);
        }
        return null;
    }

    private static String checkValue(InputDecl decl, JsonNode value) {
        switch (decl.type()) {
            case "INT" -> {
                if (!value.isIntegralNumber() && !(value.isNumber() && isWhole(value.decimalValue()))) {
                    return "expects an integer (INT), got " + value;
                }
                return range(decl, value.decimalValue());
            }
            case "FLOAT" -> {
                if (!value.isNumber()) {
                    return "expects a number (FLOAT), got " + value;
                }
                return range(decl, value.decimalValue());
            }
            case "BOOLEAN" -> {
                return value.isBoolean() ? null : "expects a JSON boolean (BOOLEAN), got " + value;
            }
            case "STRING" -> {
                return value.isTextual() || value.isNumber() ? null : "expects a string (STRING), got " + value;
            }
            case "COMBO" -> {
                if (decl.choices() == null) {
                    return null;
                }
                if (value.isTextual() && isFileReference(decl, value.asText())) {
                    return null; // LoadImage-style nodes check such files themselves (VALIDATE_INPUTS)
                }
                if (!value.isValueNode() || !decl.choices().contains(value.asText())) {
                    return "value " + value + " is not one of " + choices(decl);
                }
                return null;
            }
            default -> {
                return "takes a link to a " + decl.type() + " output ([\"<node id>\", <output index>]), got " + value;
            }
        }
    }

    /**
     * A file of an {@code image_upload} combo in a subfolder ({@code clipspace/x.png}) or another folder
     * ({@code x.png [output]}): ComfyUI lists only the input folder's top level, its nodes accept these too.
     */
    private static boolean isFileReference(InputDecl decl, String value) {
        return decl.options().path("image_upload").asBoolean(false)
                && (value.contains("/") || value.matches(".* \\[(input|output|temp)]"));
    }

    private static String range(InputDecl decl, BigDecimal value) {
        JsonNode min = decl.options().get("min");
        JsonNode max = decl.options().get("max");
        if (min != null && min.isNumber() && value.compareTo(min.decimalValue()) < 0) {
            return "value " + value.stripTrailingZeros().toPlainString() + " is smaller than the minimum " + min;
        }
        if (max != null && max.isNumber() && value.compareTo(max.decimalValue()) > 0) {
            return "value " + value.stripTrailingZeros().toPlainString() + " is bigger than the maximum " + max;
        }
        return null;
    }

    private static boolean isWhole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }

    private static JsonNode unwrap(JsonNode value) {
        return value.isObject() && value.has("__value__") ? value.get("__value__") : value;
    }

    private static String choices(InputDecl decl) {
        List<String> choices = decl.choices();
        if (choices.isEmpty()) {
            return "[] (the server offers none)";
        }
        List<String> shown = choices.size() > 20 ? choices.subList(0, 20) : choices;
        return "[" + String.join(", ", shown) + (choices.size() > 20 ? ", … (" + choices.size() + " in all)" : "") + "]";
    }
}
