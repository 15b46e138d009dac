package io.flowpack.comfy.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One error as ComfyUI reports it, both the top-level {@code error} of a refused prompt and each entry of
 * {@code node_errors[id].errors}: {@code {"type", "message", "details", "extra_info"}}.
 *
 * @param type      e.g. {@code value_not_in_list}
 * @param message   e.g. {@code Value not in list}
 * @param details   e.g. {@code upscale_method: 'cubic' not in ['nearest-exact', …]}
 * @param extraInfo e.g. {@code input_name}, {@code input_config}, {@code received_value}; JSON-serialisable values
 */
public record ValidationIssue(String type, String message, String details, Map<String, Object> extraInfo) {

    public ValidationIssue {
        extraInfo = Collections.unmodifiableMap(new LinkedHashMap<>(extraInfo));
    }

    /** The JSON object, keys in ComfyUI's order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("message", message);
        json.put("details", details);
        json.put("extra_info", extraInfo);
        return json;
    }
}
