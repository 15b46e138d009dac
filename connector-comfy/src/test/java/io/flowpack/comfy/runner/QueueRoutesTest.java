package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /queue, /history and /api/jobs while prompts wait and run. */
class QueueRoutesTest extends RunnerTestBase {

    @Test
    void queueShowsRunningAndPendingAndCanBeEdited() throws Exception {
        RunnerClient.Socket socket = client.socket("q");
        String slow = client.queue("q", WebSocketEventsTest.slowPrompt(400)).json().path("prompt_id").asText();
        String second = client.queue("q", simplePrompt(0.1)).json().path("prompt_id").asText();
        JsonNode third = client.post("/prompt", Map.of("prompt", simplePrompt(0.2), "client_id", "q", "front", true)).json();
        assertThat(third.path("number").asInt()).isEqualTo(-2);
        JsonNode explicit = client.post("/prompt", Map.of("prompt", simplePrompt(0.3), "number", 5, "prompt_id", "my-id")).json();
        assertThat(explicit.path("prompt_id").asText()).isEqualTo("my-id");
        assertThat(explicit.path("number").isDouble()).isTrue();
        assertThat(client.post("/prompt", Map.of("prompt", simplePrompt(0.3), "prompt_id", "my-id")).json()
                .path("error").path("type").asText()).isEqualTo("invalid_prompt_id");

        JsonNode message;
        do {
            message = socket.next();
        } while (!RunnerClient.Socket.type(message).equals("progress"));
        JsonNode queue = client.get("/queue").json();
        assertThat(queue.path("queue_running").path(0).path(1).asText()).isEqualTo(slow);
        assertThat(queue.path("queue_running").path(0).size()).isEqualTo(5);
        assertThat(queue.path("queue_running").path(0).path(3).path("client_id").asText()).isEqualTo("q");
        assertThat(queue.path("queue_pending").findValuesAsText("prompt_id")).isEmpty();
        assertThat(queue.path("queue_pending").size()).isEqualTo(3);
        assertThat(client.get("/prompt").json().path("exec_info").path("queue_remaining").asInt()).isEqualTo(4);

        JsonNode jobs = client.get("/api/jobs?status=in_progress,pending&limit=200&offset=0").json();
        assertThat(jobs.path("pagination").path("total").asInt()).isEqualTo(4);
        assertThat(jobs.path("jobs").findValuesAsText("status")).contains("in_progress", "pending");
        assertThat(client.get("/api/jobs/" + slow).json().path("workflow").has("prompt")).isTrue();
        assertThat(client.get("/api/jobs/unknown").status()).isEqualTo(404);
        assertThat(client.get("/api/jobs?status=bogus").status()).isEqualTo(400);

        assertThat(client.post("/queue", Map.of("delete", List.of(second))).status()).isEqualTo(200);
        assertThat(client.get("/queue").json().path("queue_pending").size()).isEqualTo(2);
        assertThat(client.post("/queue", Map.of("clear", true)).status()).isEqualTo(200);
        assertThat(client.get("/queue").json().path("queue_pending").size()).isZero();
        assertThat(client.post("/api/jobs/" + slow + "/cancel", Map.of()).json().path("cancelled").asBoolean()).isTrue();
        socket.untilDone(slow);

        JsonNode finished = client.get("/api/jobs?status=completed,failed,cancelled&limit=10&offset=0").json();
        assertThat(finished.path("jobs").path(0).path("status").asText()).isEqualTo("cancelled");
        assertThat(client.get("/queue").json().path("queue_running").size()).isZero();
    }

    @Test
    void historyPagesAndDeletes() throws Exception {
        RunnerClient.Socket socket = client.socket("h");
        String a = client.queue("h", simplePrompt(0.1)).json().path("prompt_id").asText();
        socket.untilDone(a);
        String b = client.queue("h", simplePrompt(0.2)).json().path("prompt_id").asText();
        socket.untilDone(b);
        String c = client.queue("h", simplePrompt(0.3)).json().path("prompt_id").asText();
        socket.untilDone(c);
        assertThat(client.get("/history").json().fieldNames()).toIterable().containsExactly(a, b, c);
        assertThat(client.get("/history?max_items=2").json().fieldNames()).toIterable().containsExactly(b, c);
        assertThat(client.get("/history?max_items=1&offset=0").json().fieldNames()).toIterable().containsExactly(a);
        assertThat(client.get("/history/unknown").body()).isEqualTo("{}");
        JsonNode job = client.get("/api/jobs/" + c).json();
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("preview_output").path("nodeId").asText()).isEqualTo("2");
        assertThat(job.path("outputs_count").asInt()).isEqualTo(1);
        client.post("/history", Map.of("delete", List.of(a)));
        assertThat(client.get("/history").json().fieldNames()).toIterable().containsExactly(b, c);
        client.post("/history", Map.of("clear", true));
        assertThat(client.get("/history").body()).isEqualTo("{}");
        assertThat(client.post("/free", Map.of("free_memory", true)).status()).isEqualTo(200);
        String d = client.queue("h", simplePrompt(0.3)).json().path("prompt_id").asText();
        assertThat(socket.untilDone(d).stream().map(RunnerClient.Socket::type)).contains("executing");
        assertThat(nodes.constantCalls.get()).isEqualTo(4);
    }
}
