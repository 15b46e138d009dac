package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One input as {@code /object_info} declares it: {@code ["INT", {min, max, …}]}, a legacy combo
 * {@code [["a", "b"], {…}]}, a V3 combo {@code ["COMBO", {"options": [...]}]}, or a link type {@code ["IMAGE"]}.
 *
 * @param name     the input name
 * @param type     {@code INT}, {@code FLOAT}, {@code STRING}, {@code BOOLEAN}, {@code COMBO}, or a link type
 * @param options  the options object (empty when none)
 * @param choices  a combo's allowed values; null when the combo is not checked ({@code remote}) or not a combo
 * @param required whether it is under {@code required}
 */
public record InputDecl(String name, String type, JsonNode options, List<String> choices, boolean required) {

    static InputDecl parse(String name, JsonNode spec, boolean required) {
        JsonNode first = spec.isArray() ? spec.path(0) : spec;
        JsonNode options = spec.isArray() && spec.size() > 1 && spec.get(1).isObject()
                ? spec.get(1) : JsonNodeFactory.instance.objectNode();
        if (first.isArray()) {
            return new InputDecl(name, "COMBO", options, texts(first), required);
        }
        String type = first.asText("*");
        if ("COMBO".equals(type)) {
            boolean remote = options.has("remote");
            return new InputDecl(name, type, options, remote ? null : texts(options.path("options")), required);
        }
        return new InputDecl(name, type, options, null, required);
    }

    /** Whether the input takes a literal (a widget) rather than a link from another node's output. */
    public boolean isWidget() {
        return switch (type) {
            case "INT", "FLOAT", "STRING", "BOOLEAN", "COMBO" -> true;
            default -> false;
        };
    }

    /** Whether an output of type {@code output} may feed this input: equal, {@code *}, or sharing a comma-union member. */
    public boolean accepts(String output) {
        if ("*".equals(type) || "*".equals(output) || type.equals(output)) {
            return true;
        }
        for (String wanted : type.split(",")) {
            for (String offered : output.split(",")) {
                if (wanted.trim().equals(offered.trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
