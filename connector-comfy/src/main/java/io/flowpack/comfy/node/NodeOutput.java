package io.flowpack.comfy.node;

import java.util.List;
import java.util.Map;

/**
 * What one node call returns.
 *
 * @param values the outputs in declaration order ({@link ImageBatch}, {@link MaskBatch}, numbers, …; a
 *               {@link java.util.List} for an {@code output_is_list} output)
 * @param ui     the UI part for {@code executed.output} and the history {@code outputs}, e.g.
 *               {@code {"images": [{"filename": "x.png", "subfolder": "", "type": "output"}]}}; empty when none
 */
public record NodeOutput(List<Object> values, Map<String, Object> ui) {

    public NodeOutput {
        values = List.copyOf(values);
        ui = Map.copyOf(ui);
    }

    public static NodeOutput of(Object... values) {
        return new NodeOutput(List.of(values), Map.of());
    }
}
