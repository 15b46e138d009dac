package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.InputSpec;

import java.util.List;

/** An input's spec as ComfyUI writes it in {@code /object_info} and in {@code extra_info.input_config}. */
public final class InputConfig {

    private InputConfig() {
    }

    /** {@code ["INT", {options}]}, {@code [["a", "b"], {options}]} for a combo, {@code ["IMAGE"]} without options. */
    public static List<Object> of(InputSpec spec) {
        if ("COMBO".equals(spec.type())) {
            return List.of(spec.choices(), spec.options());
        }
        if (spec.options().isEmpty()) {
            return List.of(spec.type());
        }
        return List.of(spec.type(), spec.options());
    }
}
