package io.flowpack.comfy.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node produced in one prompt, kept in the cache: per output slot the list of values (one per call, or the
 * concatenation for an {@code output_is_list} slot), and the merged UI output.
 *
 * @param slots one list per declared output
 * @param ui    the merged UI output, every value a list; empty when none
 */
public record NodeResult(List<List<Object>> slots, Map<String, Object> ui) {

    public NodeResult {
        slots = List.copyOf(slots);
        ui = Collections.unmodifiableMap(new LinkedHashMap<>(ui));
    }
}
