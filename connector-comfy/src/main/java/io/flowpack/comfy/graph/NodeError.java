package io.flowpack.comfy.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code node_errors[id]} entry of a validation answer.
 *
 * @param errors           the node's own errors
 * @param dependentOutputs the output nodes that cannot run because of them
 * @param classType        the node's class type
 */
public record NodeError(List<ValidationIssue> errors, List<String> dependentOutputs, String classType) {

    public NodeError {
        errors = List.copyOf(errors);
        dependentOutputs = List.copyOf(dependentOutputs);
    }

    public Map<String, Object> toJson() {
        List<Object> errorList = new ArrayList<>();
        errors.forEach(e -> errorList.add(e.toJson()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("errors", errorList);
        json.put("dependent_outputs", dependentOutputs);
        json.put("class_type", classType);
        return json;
    }
}
