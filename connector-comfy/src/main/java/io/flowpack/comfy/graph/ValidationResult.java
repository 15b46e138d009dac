package io.flowpack.comfy.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link PromptValidator#validate}: either a refusal ({@link #error} set, HTTP 400) or the outputs to
 * execute and the graph, with the errors of the outputs that were dropped ({@code node_errors}, also sent with a 200).
 *
 * @param error      the top-level error, null when at least one output is valid
 * @param outputs    the valid output node ids, in prompt order
 * @param nodeErrors errors by node id
 * @param nodes      the validated nodes by id (the valid outputs and their ancestors)
 */
public record ValidationResult(ValidationIssue error, List<String> outputs, Map<String, NodeError> nodeErrors,
                               Map<String, PromptNode> nodes) {

    public ValidationResult {
        outputs = List.copyOf(outputs);
        nodeErrors = Collections.unmodifiableMap(new LinkedHashMap<>(nodeErrors));
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    static ValidationResult refused(ValidationIssue error) {
        return new ValidationResult(error, List.of(), Map.of(), Map.of());
    }

    public boolean accepted() {
        return error == null;
    }

    /** {@code node_errors} as JSON. */
    public Map<String, Object> nodeErrorsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        nodeErrors.forEach((id, e) -> json.put(id, e.toJson()));
        return json;
    }
}
