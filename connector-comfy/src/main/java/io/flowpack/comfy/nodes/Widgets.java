package io.flowpack.comfy.nodes;

import io.flowpack.comfy.node.InputSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short constructors for the widget inputs ComfyUI's core nodes declare. */
public final class Widgets {
    /** ComfyUI's {@code MAX_RESOLUTION}. */
    public static final int MAX_RESOLUTION = 16384;

    private Widgets() {
    }

    /** {@code ["INT", {"default", "min", "max", "step"}]}. */
    public static InputSpec integer(String name, int defaultValue, int min, int max, int step) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("default", defaultValue);
        options.put("min", min);
        options.put("max", max);
        options.put("step", step);
        return InputSpec.widget(name, "INT", options);
    }

    /** {@code ["FLOAT", {"default", "min", "max", "step"}]}. */
    public static InputSpec decimal(String name, double defaultValue, double min, double max, double step) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("default", defaultValue);
        options.put("min", min);
        options.put("max", max);
        options.put("step", step);
        return InputSpec.widget(name, "FLOAT", options);
    }

    /** {@code ["BOOLEAN", {"default"}]}. */
    public static InputSpec bool(String name, boolean defaultValue) {
        return InputSpec.widget(name, "BOOLEAN", Map.of("default", defaultValue));
    }

    /** A legacy combo {@code [[choices…], {}]}. */
    public static InputSpec combo(String name, List<String> choices) {
        return InputSpec.combo(name, choices, Map.of());
    }

    /** A link input with a tooltip, e.g. {@code ["IMAGE", {"tooltip": "The images to save."}]}. */
    public static InputSpec link(String name, String type, String tooltip) {
        return new InputSpec(name, type, Map.of("tooltip", tooltip), List.of());
    }
}
