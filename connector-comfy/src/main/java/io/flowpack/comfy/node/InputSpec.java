package io.flowpack.comfy.node;

import java.util.List;
import java.util.Map;

/**
 * One node input as {@code /object_info} declares it: {@code "name": ["TYPE", {options}]} or, for a combo,
 * {@code "name": [["a", "b"], {options}]}.
 *
 * @param name    the input name
 * @param type    {@code INT}, {@code FLOAT}, {@code STRING}, {@code BOOLEAN}, {@code COMBO} or a link type such
 *                as {@code IMAGE}, {@code MASK}, {@code UPSCALE_MODEL}
 * @param options the options object: {@code default}, {@code min}, {@code max}, {@code step},
 *                {@code multiline}, {@code image_upload}, {@code tooltip} …, empty when none
 * @param choices the allowed values of a {@code COMBO}, empty otherwise
 */
public record InputSpec(String name, String type, Map<String, Object> options, List<String> choices) {

    public InputSpec {
        options = Map.copyOf(options);
        choices = List.copyOf(choices);
    }

    /** A link input, e.g. {@code image: IMAGE}. */
    public static InputSpec link(String name, String type) {
        return new InputSpec(name, type, Map.of(), List.of());
    }

    /** A widget input with options, e.g. {@code scale_by: FLOAT {default 1.0, min 0.01, max 8.0, step 0.01}}. */
    public static InputSpec widget(String name, String type, Map<String, Object> options) {
        return new InputSpec(name, type, options, List.of());
    }

    /** A combo input; its values are literal strings from {@code choices}. */
    public static InputSpec combo(String name, List<String> choices, Map<String, Object> options) {
        return new InputSpec(name, "COMBO", options, choices);
    }

    /** Whether the value comes from a link ({@code ["node", slot]}) rather than a literal. */
    public boolean isLinkType() {
        return switch (type) {
            case "INT", "FLOAT", "STRING", "BOOLEAN", "COMBO" -> false;
            default -> true;
        };
    }
}
