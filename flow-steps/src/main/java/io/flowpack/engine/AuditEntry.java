package io.flowpack.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one step did to a document: its bound parameters, the parts it read and wrote, when and how long,
 * the outcome and, on failure, the reason. Steps add their own details (model hashes, seeds, counts).
 *
 * @param outcome {@code ok}, {@code failed} or {@code cancelled}
 */
public record AuditEntry(String step, Map<String, Object> parameters, List<String> inputs, List<String> outputs,
                         Instant started, long durationMillis, String outcome, String error,
                         Map<String, Object> details) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
}
