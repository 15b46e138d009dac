package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.graph.ValidationIssue;
import io.flowpack.comfy.graph.ValidationResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@code /prompt}, {@code /queue}, {@code /history}, {@code /interrupt}, {@code /free}. */
final class PromptRoutes {

    private static final List<String> SENSITIVE = List.of("auth_token_comfy_org", "api_key_comfy_org");
    private static final int MAX_PROMPT_ID_LENGTH = 200;

    private final RunnerCore core;

    PromptRoutes(RunnerCore core) {
        this.core = core;
    }

    void register(Router router) {
        router.post("prompt", this::postPrompt)
                .get("prompt", call -> call.json(Map.of("exec_info", Map.of("queue_remaining", core.queue().remaining()))))
                .get("queue", this::getQueue)
                .post("queue", this::postQueue)
                .get("history", this::getHistory)
                .get("history/{}", this::getHistoryEntry)
                .post("history", this::postHistory)
                .post("interrupt", this::interrupt)
                .post("free", this::free);
    }

    private void postPrompt(Call call) throws IOException {
        JsonNode body;
        try {
            body = call.jsonBody();
        } catch (Call.BadRequest e) {
            if (e.status != 400) {
                throw e;
            }
            refuse(call, new ValidationIssue("invalid_prompt", "Invalid request body", e.getMessage(), Map.of()), Map.of());
            return;
        }
        if (body == null || !body.isObject() || !body.has("prompt")) {
            refuse(call, new ValidationIssue("no_prompt", "No prompt provided", "No prompt provided", Map.of()), Map.of());
            return;
        }
        String promptId = promptId(body.get("prompt_id"));
        if (promptId == null) {
            refuse(call, new ValidationIssue("invalid_prompt_id", "Invalid prompt_id",
                    "prompt_id must be a string of 1 to " + MAX_PROMPT_ID_LENGTH + " characters that is not already in use",
                    Map.of()), Map.of());
            return;
        }
        List<String> targets = stringList(body.get("partial_execution_targets"));
        JsonNode prompt = body.get("prompt");
        ValidationResult result = core.validator().validate(promptId, prompt, targets);
        if (!result.accepted()) {
            refuse(call, result.error(), result.nodeErrorsJson());
            return;
        }
        ObjectNode extraData = extraData(body);
        String clientId = extraData.hasNonNull("client_id") ? extraData.get("client_id").asText() : null;
        Number number = number(body);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        core.queue().put(new QueueItem(number, promptId, (ObjectNode) prompt, extraData, result.outputs(), result,
                clientId, extraData.get("create_time").asLong(), answered));
        try {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("prompt_id", promptId);
            answer.put("number", number);
            answer.put("node_errors", result.nodeErrorsJson());
            call.json(answer);
            call.response.flushBuffer();
        } finally {
            answered.complete(null);
        }
    }

    private String promptId(JsonNode given) {
        if (given == null || given.isNull()) {
            return UUID.randomUUID().toString();
        }
        String id = given.isTextual() ? given.textValue() : given.toString();
        if (id.isEmpty() || id.length() > MAX_PROMPT_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)
                || core.queue().known(id)) {
            return null;
        }
        return id;
    }

    private Number number(JsonNode body) {
        JsonNode number = body.get("number");
        if (number != null && number.isNumber()) {
            return number.doubleValue();
        }
        long next = core.queue().nextNumber();
        return body.path("front").asBoolean(false) ? -next : next;
    }

    private static ObjectNode extraData(JsonNode body) {
        JsonNode given = body.get("extra_data");
        ObjectNode extra = given != null && given.isObject() ? ((ObjectNode) given).deepCopy() : Json.object();
        SENSITIVE.forEach(extra::remove);
        if (body.has("client_id")) {
            JsonNode client = body.get("client_id");
            if (client.isNull()) {
                extra.remove("client_id");
            } else {
                extra.put("client_id", client.asText());
            }
        }
        extra.put("create_time", System.currentTimeMillis());
        return extra;
    }

    private static List<String> stringList(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void refuse(Call call, ValidationIssue error, Map<String, Object> nodeErrors) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.toJson());
        body.put("node_errors", nodeErrors);
        call.json(400, body);
    }

    private void getQueue(Call call) throws IOException {
        List<Object> running = new ArrayList<>();
        QueueItem current = core.queue().running();
        if (current != null) {
            running.add(current.tuple());
        }
        List<Object> pending = new ArrayList<>();
        core.queue().pending().forEach(item -> pending.add(item.tuple()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queue_running", running);
        body.put("queue_pending", pending);
        call.json(body);
    }

    private void postQueue(Call call) throws IOException {
        JsonNode body = call.jsonBody();
        if (body != null && body.path("clear").asBoolean(false)) {
            core.queue().clearPending();
        }
        List<String> delete = body == null ? null : stringList(body.get("delete"));
        if (delete != null) {
            core.queue().deletePending(delete);
        }
        call.empty(200);
    }

    private void getHistory(Call call) throws IOException {
        Integer maxItems = intQuery(call, "max_items");
        Integer offset = intQuery(call, "offset");
        call.json(core.queue().historyPage(maxItems, offset == null ? -1 : offset));
    }

    private void getHistoryEntry(Call call) throws IOException {
        String id = call.param(0);
        ObjectNode entry = core.queue().historyEntry(id);
        ObjectNode body = Json.object();
        if (entry != null) {
            body.set(id, entry);
        }
        call.json(body);
    }

    private void postHistory(Call call) throws IOException {
        JsonNode body = call.jsonBody();
        if (body != null && body.path("clear").asBoolean(false)) {
            core.queue().clearHistory();
        }
        List<String> delete = body == null ? null : stringList(body.get("delete"));
        if (delete != null) {
            core.queue().deleteHistory(delete);
        }
        call.empty(200);
    }

    private void interrupt(Call call) throws IOException {
        JsonNode body = call.jsonBodyOrNull();
        JsonNode promptId = body == null ? null : body.get("prompt_id");
        if (promptId != null && !promptId.isNull()) {
            QueueItem running = core.queue().running();
            if (running != null && running.promptId().equals(promptId.asText())) {
                core.interrupt().request();
            }
        } else {
            core.interrupt().request();
        }
        call.empty(200);
    }

    private void free(Call call) throws IOException {
        JsonNode body = call.jsonBodyOrNull();
        if (body != null && body.path("free_memory").asBoolean(false)) {
            core.executor().clearCache();
        }
        call.empty(200);
    }

    private static Integer intQuery(Call call, String name) throws Call.BadRequest {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new Call.BadRequest(400, name + " must be an integer");
        }
    }
}
