package io.flowpack.comfy.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a prompt ended.
 *
 * @param status   success, error or interrupted
 * @param outputs  the UI output of every node that has one (cached output nodes included), by node id, in
 *                 execution order — the history's {@code outputs}
 * @param executed the nodes that ran or were replayed from the cache
 * @param failure  the failing (or interrupted) node, null on success
 */
public record ExecutionOutcome(Status status, Map<String, Map<String, Object>> outputs, List<String> executed,
                               ExecutionFailure failure) {

    public enum Status { SUCCESS, ERROR, INTERRUPTED }

    public ExecutionOutcome {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        executed = List.copyOf(executed);
    }
}
