package io.flowpack.comfy.template;

/**
 * A workflow parameter's name: {@code <node>.<input>}, the node given by id, title or class — {@code 3.seed},
 * {@code sampler.seed}, {@code "Positive prompt".text} (quotes for titles with dots), {@code Positive prompt.text}.
 */
public record ParameterKey(String node, String input) {

    public static ParameterKey parse(String key) {
        String text = key == null ? "" : key.trim();
        if (text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != '.') {
                throw new TemplateException("workflow parameter '" + key + "': write a quoted title as \"Title\".input");
            }
            return checked(key, text.substring(1, close), text.substring(close + 2));
        }
        int dot = text.lastIndexOf('.');
        if (dot <= 0) {
            throw new TemplateException("workflow parameter '" + key
                    + "' must name a node and an input: <node id or title>.<input>, e.g. sampler.seed=42");
        }
        return checked(key, text.substring(0, dot), text.substring(dot + 1));
    }

    private static ParameterKey checked(String key, String node, String input) {
        if (node.isBlank() || input.isBlank()) {
            throw new TemplateException("workflow parameter '" + key
                    + "' must name a node and an input: <node id or title>.<input>");
        }
        return new ParameterKey(node, input);
    }

    @Override
    public String toString() {
        return node.contains(".") ? "\"" + node + "\"." + input : node + "." + input;
    }
}
