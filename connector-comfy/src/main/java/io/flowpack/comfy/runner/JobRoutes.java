package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jobs API of current ComfyUI ({@code /api/jobs}, {@code /api/jobs/{id}}, {@code …/cancel}) that the web
 * frontend's queue and history panel reads: queued, running and finished prompts as jobs.
 */
final class JobRoutes {

    private static final Set<String> STATUSES = Set.of("pending", "in_progress", "completed", "failed", "cancelled");

    private final RunnerCore core;

    JobRoutes(RunnerCore core) {
        this.core = core;
    }

    void register(Router router) {
        router.get("jobs", this::list)
                .get("jobs/{}", this::one)
                .post("jobs/cancel", this::cancelMany)
                .post("jobs/{}/cancel", call -> call.json(Map.of("cancelled", cancel(call.param(0)))));
    }

    private List<Map<String, Object>> allJobs(boolean detailed) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        QueueItem running = core.queue().running();
        if (running != null) {
            jobs.add(queued(running, "in_progress", detailed));
        }
        core.queue().pending().forEach(item -> jobs.add(queued(item, "pending", detailed)));
        core.queue().historyEntries().forEach(entry -> jobs.add(finished(entry, detailed)));
        return jobs;
    }

    private void list(Call call) throws IOException {
        String statusFilter = call.query("status");
        List<String> wanted = new ArrayList<>();
        if (statusFilter != null && !statusFilter.isEmpty()) {
            for (String s : statusFilter.split(",")) {
                if (!STATUSES.contains(s.trim())) {
                    call.json(400, Map.of("error", "Invalid status: " + s.trim()));
                    return;
                }
                wanted.add(s.trim());
            }
        }
        String sortBy = call.query("sort_by") == null ? "created_at" : call.query("sort_by");
        String order = call.query("sort_order") == null ? "desc" : call.query("sort_order");
        if (!List.of("created_at", "execution_duration").contains(sortBy) || !List.of("asc", "desc").contains(order)) {
            call.json(400, Map.of("error", "sort_by must be created_at or execution_duration, sort_order asc or desc"));
            return;
        }
        Integer limit = positive(call, "limit", 1);
        Integer offset = positive(call, "offset", 0);
        if (limit == Integer.MIN_VALUE || offset == Integer.MIN_VALUE) {
            return;
        }
        String workflowId = call.query("workflow_id");
        List<Map<String, Object>> jobs = new ArrayList<>(allJobs(false).stream()
                .filter(j -> wanted.isEmpty() || wanted.contains(j.get("status")))
                .filter(j -> workflowId == null || workflowId.isEmpty() || workflowId.equals(j.get("workflow_id")))
                .toList());
        Comparator<Map<String, Object>> comparator = Comparator.comparingLong(j -> sortKey(j, sortBy));
        jobs.sort("desc".equals(order) ? comparator.reversed() : comparator);
        int from = Math.min(offset == null ? 0 : offset, jobs.size());
        int to = limit == null ? jobs.size() : Math.min(jobs.size(), from + limit);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("offset", from);
        pagination.put("limit", limit);
        pagination.put("total", jobs.size());
        pagination.put("has_more", to < jobs.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobs", jobs.subList(from, to));
        body.put("pagination", pagination);
        call.json(body);
    }

    private void one(Call call) throws IOException {
        for (Map<String, Object> job : allJobs(true)) {
            if (job.get("id").equals(call.param(0))) {
                call.json(job);
                return;
            }
        }
        call.json(404, Map.of("error", "Job not found"));
    }

    private void cancelMany(Call call) throws IOException {
        JsonNode body = call.jsonBody();
        JsonNode ids = body == null ? null : body.get("job_ids");
        if (ids == null || !ids.isArray()) {
            call.json(400, Map.of("error", "job_ids must be a list"));
            return;
        }
        boolean cancelled = false;
        for (JsonNode id : ids) {
            cancelled |= cancel(id.asText());
        }
        call.json(Map.of("cancelled", cancelled));
    }

    private boolean cancel(String id) {
        QueueItem running = core.queue().running();
        if (running != null && running.promptId().equals(id)) {
            core.interrupt().request();
            return true;
        }
        return core.queue().deletePending(List.of(id));
    }

    private static long sortKey(Map<String, Object> job, String sortBy) {
        if ("execution_duration".equals(sortBy)) {
            Object start = job.get("execution_start_time");
            Object end = job.get("execution_end_time");
            return start instanceof Number s && end instanceof Number e ? e.longValue() - s.longValue() : 0;
        }
        return job.get("create_time") instanceof Number n ? n.longValue() : 0;
    }

    private static Integer positive(Call call, String name, int min) throws IOException {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        call.json(400, Map.of("error", name + " must be an integer >= " + min));
        return Integer.MIN_VALUE;
    }

    private static Map<String, Object> queued(QueueItem item, String status, boolean detailed) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", item.promptId());
        job.put("status", status);
        job.put("priority", item.number());
        job.put("create_time", item.createTime());
        putIfPresent(job, "workflow_id", item.extraData().path("extra_pnginfo").path("workflow").path("id"));
        if (detailed) {
            job.put("workflow", Json.ordered("prompt", item.prompt(), "extra_data", item.extraData()));
        }
        return job;
    }

    private static Map<String, Object> finished(ObjectNode entry, boolean detailed) {
        JsonNode prompt = entry.path("prompt");
        JsonNode extra = prompt.path(3);
        JsonNode status = entry.path("status");
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        status.path("messages").forEach(m -> messages.put(m.path(0).asText(), m.path(1)));
        String state = status.path("completed").asBoolean() ? "completed"
                : messages.containsKey("execution_interrupted") ? "cancelled" : "failed";
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", prompt.path(1).asText());
        job.put("status", state);
        job.put("priority", prompt.path(0));
        job.put("create_time", extra.path("create_time").asLong());
        putIfPresent(job, "execution_start_time", messages.getOrDefault("execution_start", Json.object()).path("timestamp"));
        for (String end : List.of("execution_success", "execution_error", "execution_interrupted")) {
            putIfPresent(job, "execution_end_time", messages.getOrDefault(end, Json.object()).path("timestamp"));
        }
        if (messages.containsKey("execution_error")) {
            job.put("execution_error", messages.get("execution_error"));
        }
        int count = 0;
        Map<String, Object> preview = null;
        for (var output : (Iterable<Map.Entry<String, JsonNode>>) () -> entry.path("outputs").fields()) {
            for (var media : (Iterable<Map.Entry<String, JsonNode>>) () -> output.getValue().fields()) {
                for (JsonNode item : media.getValue()) {
                    if (item.isObject() && item.has("filename")) {
                        count++;
                        if (preview == null) {
                            preview = new LinkedHashMap<>(Json.MAPPER.convertValue(item, Map.class));
                            preview.put("nodeId", output.getKey());
                            preview.put("mediaType", media.getKey());
                        }
                    }
                }
            }
        }
        job.put("outputs_count", count);
        job.put("previewable_outputs_count", count);
        if (preview != null) {
            job.put("preview_output", preview);
        }
        putIfPresent(job, "workflow_id", extra.path("extra_pnginfo").path("workflow").path("id"));
        if (detailed) {
            job.put("outputs", entry.path("outputs"));
            job.put("execution_status", status);
            job.put("workflow", Json.ordered("prompt", prompt.path(2), "extra_data", extra));
        }
        return job;
    }

    private static void putIfPresent(Map<String, Object> job, String key, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) {
            job.put(key, value.isNumber() ? value.numberValue() : value.asText());
        }
    }
}
