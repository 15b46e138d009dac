package io.flowpack.comfy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeInfo;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.OutputSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks ComfyUI's {@code validate_inputs} makes on one node's declared inputs: presence, link shape and type,
 * literal coercion, min/max and combo membership (skipped for the node's self-validated inputs). Coerced literals are
 * written back into the prompt, as ComfyUI does.
 */
final class NodeInputChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, Object> literals = new LinkedHashMap<>();
    final Map<String, Link> links = new LinkedHashMap<>();
    final List<ValidationIssue> issues = new ArrayList<>();

    private final NodeDefinition definition;
    private final Set<String> selfValidated;
    private final Map<String, NodeDefinition> definitions;

    /**
     * @param definitions the definition of every node in the prompt, by id (to type-check links)
     */
    NodeInputChecks(NodeDefinition definition, Set<String> selfValidated, Map<String, NodeDefinition> definitions) {
        this.definition = definition;
        this.selfValidated = selfValidated;
        this.definitions = definitions;
    }

    void check(ObjectNode inputs) {
        for (InputSpec spec : definition.required()) {
            check(inputs, spec, true);
        }
        for (InputSpec spec : definition.optional()) {
            check(inputs, spec, false);
        }
    }

    private void check(ObjectNode inputs, InputSpec spec, boolean required) {
        String name = spec.name();
        JsonNode value = inputs.get(name);
        if (value == null || value.isMissingNode()) {
            if (required) {
                issues.add(new ValidationIssue("required_input_missing", "Required input is missing", name,
                        Map.of("input_name", name)));
            }
            return;
        }
        if (value.isArray()) {
            checkLink(spec, value);
        } else {
            checkLiteral(inputs, spec, LiteralValues.unwrap(value));
        }
    }

    private void checkLink(InputSpec spec, JsonNode value) {
        String name = spec.name();
        if (value.size() != 2) {
            badLink(spec, value, name);
            return;
        }
        JsonNode source = value.get(0);
        JsonNode slot = value.get(1);
        if (!source.isTextual()) {
            badLink(spec, value, name + ": the source node id must be a string, not " + source);
            return;
        }
        NodeDefinition sourceDefinition = definitions.get(source.textValue());
        if (sourceDefinition == null) {
            badLink(spec, value, name + ": node '" + source.textValue() + "' does not exist");
            return;
        }
        List<OutputSpec> outputs = sourceDefinition.outputs();
        if (!slot.canConvertToInt() || !slot.isIntegralNumber() || slot.intValue() < 0 || slot.intValue() >= outputs.size()) {
            badLink(spec, value, name + ": node '" + source.textValue() + "' (" + sourceDefinition.classType()
                    + ") has no output " + slot);
            return;
        }
        String receivedType = outputs.get(slot.intValue()).type();
        if (!typesMatch(receivedType, spec.type())) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("input_name", name);
            extra.put("input_config", NodeInfo.spec(spec));
            extra.put("received_type", receivedType);
            extra.put("linked_node", LiteralValues.toJava(value));
            issues.add(new ValidationIssue("return_type_mismatch", "Return type mismatch between linked nodes",
                    name + ", received_type(" + receivedType + ") mismatch input_type(" + spec.type() + ")", extra));
            return;
        }
        links.put(name, new Link(source.textValue(), slot.intValue()));
    }

    private void badLink(InputSpec spec, JsonNode value, String details) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("input_name", spec.name());
        extra.put("input_config", NodeInfo.spec(spec));
        extra.put("received_value", LiteralValues.toJava(value));
        issues.add(new ValidationIssue("bad_linked_input",
                "Bad linked input, must be a length-2 list of [node_id, slot_index]", details, extra));
    }

    private void checkLiteral(ObjectNode inputs, InputSpec spec, JsonNode raw) {
        String name = spec.name();
        String type = spec.type();
        Object coerced;
        if (spec.isLinkType() && !"*".equals(type)) {
            invalidType(spec, raw, type + " inputs take a link [node_id, slot_index], not a literal value");
            return;
        }
        try {
            coerced = LiteralValues.coerce(raw, type);
        } catch (IllegalArgumentException e) {
            invalidType(spec, raw, e.getMessage());
            return;
        }
        if (Set.of("INT", "FLOAT", "STRING", "BOOLEAN").contains(type)) {
            inputs.set(name, JSON.valueToTree(coerced));
        }
        if (!selfValidated.contains(name) && !checkRangeAndChoices(spec, coerced)) {
            return;
        }
        literals.put(name, coerced);
    }

    private boolean checkRangeAndChoices(InputSpec spec, Object value) {
        String name = spec.name();
        Object min = spec.options().get("min");
        Object max = spec.options().get("max");
        if (LiteralValues.isNumber(value) && !(value instanceof Boolean)) {
            if (LiteralValues.isNumber(min) && LiteralValues.compare(value, min) < 0) {
                issues.add(new ValidationIssue("value_smaller_than_min", "Value " + LiteralValues.pythonNumber(value)
                        + " smaller than min of " + LiteralValues.pythonNumber(min), name, valueInfo(spec, value)));
                return false;
            }
            if (LiteralValues.isNumber(max) && LiteralValues.compare(value, max) > 0) {
                issues.add(new ValidationIssue("value_bigger_than_max", "Value " + LiteralValues.pythonNumber(value)
                        + " bigger than max of " + LiteralValues.pythonNumber(max), name, valueInfo(spec, value)));
                return false;
            }
        }
        if ("COMBO".equals(spec.type()) && !(value instanceof String s && spec.choices().contains(s))) {
            boolean longList = spec.choices().size() > 20;
            String listInfo = longList ? "(list of length " + spec.choices().size() + ")" : pythonList(spec.choices());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("input_name", name);
            extra.put("input_config", longList ? null : NodeInfo.spec(spec));
            extra.put("received_value", value);
            issues.add(new ValidationIssue("value_not_in_list", "Value not in list",
                    name + ": '" + value + "' not in " + listInfo, extra));
            return false;
        }
        return true;
    }

    private void invalidType(InputSpec spec, JsonNode raw, String exceptionMessage) {
        Object received = LiteralValues.toJava(raw);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("input_name", spec.name());
        extra.put("input_config", NodeInfo.spec(spec));
        extra.put("received_value", received);
        extra.put("exception_message", exceptionMessage);
        issues.add(new ValidationIssue("invalid_input_type",
                "Failed to convert an input value to a " + spec.type() + " value",
                spec.name() + ", " + raw + ", " + exceptionMessage, extra));
    }

    private static Map<String, Object> valueInfo(InputSpec spec, Object value) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("input_name", spec.name());
        extra.put("input_config", NodeInfo.spec(spec));
        extra.put("received_value", value);
        return extra;
    }

    /** ComfyUI's {@code validate_node_input}: equal, {@code *} on either side, or overlapping comma unions. */
    static boolean typesMatch(String received, String expected) {
        if (received.equals(expected)) {
            return true;
        }
        Set<String> receivedTypes = split(received);
        Set<String> expectedTypes = split(expected);
        if (receivedTypes.contains("*") || expectedTypes.contains("*")) {
            return true;
        }
        receivedTypes.retainAll(expectedTypes);
        return !receivedTypes.isEmpty();
    }

    private static Set<String> split(String types) {
        Set<String> set = new HashSet<>();
        Arrays.stream(types.split(",")).map(String::trim).forEach(set::add);
        return set;
    }

    private static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
