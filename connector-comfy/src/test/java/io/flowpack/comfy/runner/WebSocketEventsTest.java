package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.flowpack.comfy.runner.RunnerClient.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

/** The /ws messages of a prompt, in ComfyUI's order, to the prompt's client only. */
class WebSocketEventsTest extends RunnerTestBase {

    private static List<String> sequence(List<JsonNode> messages) {
        return messages.stream().map(m -> {
            String type = type(m);
            JsonNode data = m.path("data");
            return switch (type) {
                case "executing", "executed" -> type + ":" + (data.path("node").isNull() ? "null" : data.path("node").asText());
                case "progress_state" -> type + ":" + lastState(data.path("nodes"));
                case "status" -> type + ":" + data.path("status").path("exec_info").path("queue_remaining").asInt();
                default -> type;
            };
        }).toList();
    }

    private static String lastState(JsonNode nodes) {
        String last = "";
        for (var it = nodes.fields(); it.hasNext(); ) {
            var entry = it.next();
            last = entry.getKey() + "=" + entry.getValue().path("state").asText();
        }
        return last;
    }

    @Test
    void simpleGraphThenCachedRerunInComfyUiOrder() throws Exception {
        RunnerClient.Socket socket = client.socket("client-a");
        assertThat(type(socket.first)).isEqualTo("status");
        assertThat(socket.first.path("data").path("sid").asText()).isEqualTo("client-a");
        assertThat(socket.first.path("data").path("status").path("exec_info").path("queue_remaining").asInt()).isZero();

        String first = client.queue("client-a", simplePrompt(0.25)).json().path("prompt_id").asText();
        List<JsonNode> run = socket.untilDone(first);
        assertThat(sequence(run).stream().filter(s -> !s.startsWith("status")).toList()).containsExactly(
                "execution_start", "execution_cached",
                "progress_state:1=running", "executing:1", "progress_state:1=finished",
                "progress_state:2=running", "executing:2", "executed:2", "progress_state:2=finished",
                "execution_success", "executing:null");
        assertThat(sequence(run).subList(run.size() - 2, run.size())).containsExactly("status:0", "executing:null");
        JsonNode executed = run.stream().filter(m -> type(m).equals("executed")).findFirst().orElseThrow().path("data");
        assertThat(executed.path("prompt_id").asText()).isEqualTo(first);
        assertThat(executed.path("display_node").asText()).isEqualTo("2");
        assertThat(executed.path("output").path("images").path(0).path("filename").asText()).isEqualTo("t_1_0.png");
        JsonNode start = run.stream().filter(m -> type(m).equals("execution_start")).findFirst().orElseThrow();
        assertThat(start.path("data").path("timestamp").asLong()).isGreaterThan(1_700_000_000_000L);

        String second = client.queue("client-a", simplePrompt(0.25)).json().path("prompt_id").asText();
        List<JsonNode> rerun = socket.untilDone(second);
        assertThat(sequence(rerun).stream().filter(s -> !s.startsWith("status")).toList()).containsExactly(
                "execution_start", "execution_cached", "executed:2", "execution_success", "executing:null");
        JsonNode cached = rerun.stream().filter(m -> type(m).equals("execution_cached")).findFirst().orElseThrow();
        assertThat(cached.path("data").path("nodes").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(nodes.constantCalls.get()).isEqualTo(1);
        assertThat(nodes.saveCalls.get()).isEqualTo(1);

        String third = client.queue("client-a", simplePrompt(0.75)).json().path("prompt_id").asText();
        List<JsonNode> changed = socket.untilDone(third);
        assertThat(sequence(changed)).contains("executing:1", "executing:2");
        assertThat(nodes.constantCalls.get()).isEqualTo(2);

        JsonNode history = client.get("/history/" + second).json().path(second);
        assertThat(history.path("prompt").size()).isEqualTo(5);
        assertThat(history.path("prompt").path(1).asText()).isEqualTo(second);
        assertThat(history.path("prompt").path(4).toString()).isEqualTo("[\"2\"]");
        assertThat(history.path("outputs").path("2").path("images").path(0).path("filename").asText()).isEqualTo("t_1_0.png");
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("success");
        assertThat(history.path("status").path("completed").asBoolean()).isTrue();
        assertThat(history.path("status").path("messages").findValuesAsText("prompt_id")).containsOnly(second);
        assertThat(history.path("status").path("messages").path(0).path(0).asText()).isEqualTo("execution_start");
        assertThat(history.path("meta").path("2").path("node_id").asText()).isEqualTo("2");
        socket.close();
    }

    @Test
    void twoClientsOnlySeeTheirOwnPrompts() throws Exception {
        RunnerClient.Socket a = client.socket("alice");
        RunnerClient.Socket b = client.socket("bob");
        String fromA = client.queue("alice", simplePrompt(0.1)).json().path("prompt_id").asText();
        String fromB = client.queue("bob", simplePrompt(0.2)).json().path("prompt_id").asText();
        List<JsonNode> seenByA = a.untilDone(fromA);
        List<JsonNode> seenByB = b.untilDone(fromB);
        assertThat(seenByA.stream().map(m -> m.path("data").path("prompt_id").asText(""))).doesNotContain(fromB);
        assertThat(seenByB.stream().map(m -> m.path("data").path("prompt_id").asText(""))).doesNotContain(fromA);
        assertThat(sequence(seenByB)).contains("executed:2", "execution_success");
        Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(a.messages.stream().map(m -> m.path("data").path("prompt_id").asText(""))).doesNotContain(fromB));
    }

    @Test
    void progressPreviewsAndFeatureFlags() throws Exception {
        RunnerClient.Socket socket = client.socket("viewer");
        socket.send("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true}}");
        JsonNode flags = socket.next();
        assertThat(type(flags)).isEqualTo("feature_flags");
        assertThat(flags.path("data").path("supports_preview_metadata").asBoolean()).isTrue();
        assertThat(flags.path("data").path("max_upload_size").isDouble()).isTrue();
        String id = client.queue("viewer", slowPrompt(3)).json().path("prompt_id").asText();
        List<JsonNode> run = socket.untilDone(id);
        List<JsonNode> progress = run.stream().filter(m -> type(m).equals("progress")).toList();
        assertThat(progress).hasSize(3);
        assertThat(progress.get(2).path("data").toString())
                .isEqualTo("{\"value\":3,\"max\":3,\"prompt_id\":\"" + id + "\",\"node\":\"2\"}");
        JsonNode state = run.stream().filter(m -> type(m).equals("progress_state")).reduce((x, y) -> y).orElseThrow();
        assertThat(state.path("data").path("nodes").path("2").path("state").asText()).isEqualTo("finished");
        assertThat(state.path("data").path("nodes").path("2").path("value").asInt()).isEqualTo(3);
        assertThat(state.path("data").path("nodes").path("1").path("real_node_id").asText()).isEqualTo("1");
        assertThat(socket.binary).hasSize(1);
        ByteBuffer frame = ByteBuffer.wrap(socket.binary.get(0));
        assertThat(frame.getInt()).isEqualTo(4);
        int jsonLength = frame.getInt();
        JsonNode meta = json(RunnerClient.Socket.utf8(socket.binary.get(0), 8, jsonLength));
        assertThat(meta.path("node_id").asText()).isEqualTo("2");
        assertThat(meta.path("image_type").asText()).isEqualTo("image/jpeg");
        assertThat(socket.binary.get(0)[8 + jsonLength] & 0xFF).isEqualTo(0xFF); // JPEG SOI
    }

    @Test
    void legacyPreviewFrameForClientsWithoutFlags() throws Exception {
        RunnerClient.Socket socket = client.socket("legacy");
        String id = client.queue("legacy", slowPrompt(2)).json().path("prompt_id").asText();
        socket.untilDone(id);
        ByteBuffer frame = ByteBuffer.wrap(socket.binary.get(0));
        assertThat(frame.getInt()).isEqualTo(1);
        assertThat(frame.getInt()).isEqualTo(1);
        assertThat(frame.get() & 0xFF).isEqualTo(0xFF);
    }

    @Test
    void promptWithoutClientBroadcastsProgressButNoExecutionEvents() throws Exception {
        RunnerClient.Socket watcher = client.socket("watcher");
        String id = client.post("/prompt", Map.of("prompt", slowPrompt(2))).json().path("prompt_id").asText();
        JsonNode progress = null;
        while (progress == null) {
            JsonNode message = watcher.next();
            assertThat(type(message)).isNotIn("execution_start", "executing", "executed", "execution_success");
            if (type(message).equals("progress")) {
                progress = message;
            }
        }
        assertThat(progress.path("data").path("prompt_id").asText()).isEqualTo(id);
        awaitHistory(id);
    }

    @Test
    void errorIsReportedWithNodeTypeMessageAndInputs() throws Exception {
        RunnerClient.Socket socket = client.socket("errors");
        JsonNode prompt = json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 6, "value": 0.5}},
                 "2": {"class_type": "TestFail", "inputs": {"image": ["1", 0], "message": "boom"}},
                 "3": {"class_type": "TestSave", "inputs": {"images": ["2", 0], "filename_prefix": "never"}}}""");
        String id = client.queue("errors", prompt).json().path("prompt_id").asText();
        List<JsonNode> run = socket.untilDone(id);
        assertThat(sequence(run).stream().filter(s -> !s.startsWith("status") && !s.startsWith("progress")).toList())
                .containsExactly("execution_start", "execution_cached", "executing:1", "executing:2",
                        "execution_error", "executing:null");
        JsonNode error = run.stream().filter(m -> type(m).equals("execution_error")).findFirst().orElseThrow().path("data");
        assertThat(error.path("prompt_id").asText()).isEqualTo(id);
        assertThat(error.path("node_id").asText()).isEqualTo("2");
        assertThat(error.path("node_type").asText()).isEqualTo("TestFail");
        assertThat(error.path("exception_message").asText()).isEqualTo("boom\n");
        assertThat(error.path("exception_type").asText()).isEqualTo("ValueError");
        assertThat(error.path("traceback").isArray()).isTrue();
        assertThat(error.path("traceback").size()).isPositive();
        assertThat(error.path("executed").toString()).isEqualTo("[\"1\"]");
        assertThat(error.path("current_inputs").path("image").toString()).isEqualTo("[\"IMAGE[1, 6, 8, 3]\"]");
        assertThat(error.path("current_inputs").path("message").toString()).isEqualTo("[\"boom\"]");
        assertThat(error.path("current_outputs").toString()).isEqualTo("[\"1\"]");
        JsonNode history = awaitHistory(id);
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(history.path("status").path("messages").path(2).path(0).asText()).isEqualTo("execution_error");
    }

    @Test
    void interruptStopsTheRunningPromptOnly() throws Exception {
        RunnerClient.Socket socket = client.socket("stopper");
        String slow = client.queue("stopper", slowPrompt(500)).json().path("prompt_id").asText();
        String next = client.queue("stopper", simplePrompt(0.5)).json().path("prompt_id").asText();
        JsonNode message;
        do {
            message = socket.next();
        } while (!type(message).equals("progress"));
        assertThat(client.post("/interrupt", Map.of("prompt_id", "someone-else")).status()).isEqualTo(200);
        assertThat(client.post("/interrupt", Map.of("prompt_id", slow)).status()).isEqualTo(200);
        List<JsonNode> rest = socket.untilDone(slow);
        JsonNode interrupted = rest.stream().filter(m -> type(m).equals("execution_interrupted")).findFirst().orElseThrow();
        assertThat(interrupted.path("data").path("node_id").asText()).isEqualTo("2");
        assertThat(interrupted.path("data").path("node_type").asText()).isEqualTo("TestSlow");
        assertThat(interrupted.path("data").path("executed").toString()).isEqualTo("[\"1\"]");
        assertThat(sequence(socket.untilDone(next))).contains("execution_success");
        JsonNode history = awaitHistory(slow);
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(history.path("status").path("completed").asBoolean()).isFalse();
    }

    @Test
    void listOutputsCallDownstreamNodesOncePerItem() throws Exception {
        RunnerClient.Socket socket = client.socket("lists");
        JsonNode prompt = json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 4, "height": 4, "value": 0.5}},
                 "2": {"class_type": "TestRepeat", "inputs": {"image": ["1", 0], "count": 3}},
                 "3": {"class_type": "TestCountItems", "inputs": {"images": ["2", 0]}},
                 "4": {"class_type": "TestSave", "inputs": {"images": ["2", 0], "filename_prefix": "item"}}}""");
        String id = client.queue("lists", prompt).json().path("prompt_id").asText();
        socket.untilDone(id);
        JsonNode outputs = awaitHistory(id).path("outputs");
        assertThat(outputs.path("3").path("text").toString()).isEqualTo("[\"3\"]");
        assertThat(outputs.path("4").path("images").size()).isEqualTo(3);
        assertThat(nodes.saveCalls.get()).isEqualTo(3);
    }

    @Test
    void saveImageWebsocketSendsFullSizePngFramesEveryTime() throws Exception {
        RunnerClient.Socket plain = client.socket("plain");
        JsonNode prompt = json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 6, "value": 0.5}},
                 "save_image_websocket_node": {"class_type": "SaveImageWebsocket", "inputs": {"images": ["1", 0]}}}""");
        for (int run = 1; run <= 2; run++) {
            String id = client.queue("plain", prompt).json().path("prompt_id").asText();
            List<JsonNode> messages = plain.untilDone(id);
            assertThat(sequence(messages)).contains("executing:save_image_websocket_node", "execution_success");
            assertThat(plain.binary).hasSize(run);
            byte[] frame = plain.binary.get(run - 1);
            assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(1);
            assertThat(ByteBuffer.wrap(frame).getInt(4)).isEqualTo(2);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(frame, 8, frame.length - 8));
            assertThat(image.getWidth()).isEqualTo(8);
            assertThat(image.getHeight()).isEqualTo(6);
            assertThat(image.getRGB(3, 3) & 0xFF).isEqualTo(128);
        }
        RunnerClient.Socket modern = client.socket("modern");
        modern.send("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true}}");
        modern.next();
        String id = client.queue("modern", prompt).json().path("prompt_id").asText();
        modern.untilDone(id);
        ByteBuffer frame = ByteBuffer.wrap(modern.binary.get(0));
        assertThat(frame.getInt()).isEqualTo(4);
        JsonNode meta = json(RunnerClient.Socket.utf8(modern.binary.get(0), 8, frame.getInt()));
        assertThat(meta.path("image_type").asText()).isEqualTo("image/png");
        assertThat(meta.path("node_id").asText()).isEqualTo("save_image_websocket_node");
    }

    @Test
    void progressStateOfAHugePromptStaysSmall() throws Exception {
        RunnerClient.Socket socket = client.socket("huge");
        com.fasterxml.jackson.databind.node.ObjectNode prompt = RunnerClient.JSON.createObjectNode();
        prompt.set("0", json("{\"class_type\": \"TestConstantImage\", \"inputs\": {\"width\": 2, \"height\": 2, \"value\": 0.5}}"));
        int length = 600;
        for (int i = 1; i <= length; i++) {
            prompt.set(String.valueOf(i), json("{\"class_type\": \"TestPick\", \"inputs\": {\"image\": [\"" + (i - 1)
                    + "\", 0], \"mode\": \"keep\"}}"));
        }
        prompt.set("out", json("{\"class_type\": \"TestSave\", \"inputs\": {\"images\": [\"" + length
                + "\", 0], \"filename_prefix\": \"huge\"}}"));
        String id = client.queue("huge", prompt).json().path("prompt_id").asText();
        List<JsonNode> states = socket.untilDone(id).stream().filter(m -> type(m).equals("progress_state")).toList();
        assertThat(states).hasSize(2 * (length + 2));
        assertThat(states.get(2 * 250 + 1).path("data").path("nodes").size()).isEqualTo(251);
        assertThat(states.get(states.size() - 1).path("data").path("nodes").size()).isEqualTo(1);
    }

    @Test
    void reconnectingClientIsToldWhichNodeRuns() throws Exception {
        RunnerClient.Socket first = client.socket("again");
        String id = client.queue("again", slowPrompt(200)).json().path("prompt_id").asText();
        JsonNode message;
        do {
            message = first.next();
        } while (!type(message).equals("progress"));
        RunnerClient.Socket second = client.socket("again");
        assertThat(second.first.path("data").path("sid").asText()).isEqualTo("again");
        JsonNode replay = second.next();
        assertThat(replay.toString()).isEqualTo("{\"type\":\"executing\",\"data\":{\"node\":\"2\"}}");
        client.post("/interrupt", Map.of());
        assertThat(sequence(second.untilDone(id))).contains("execution_interrupted");
    }

    @Test
    void longSilentNodeKeepsTheSocketBusyWithStatus() throws Exception {
        RunnerClient.Socket socket = client.socket("patient");
        JsonNode prompt = json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 6, "value": 0.5}},
                 "2": {"class_type": "TestSleep", "inputs": {"image": ["1", 0], "millis": 7000}},
                 "3": {"class_type": "TestSave", "inputs": {"images": ["2", 0], "filename_prefix": "late"}}}""");
        String id = client.queue("patient", prompt).json().path("prompt_id").asText();
        List<String> run = sequence(socket.untilDone(id));
        List<String> whileSleeping = run.subList(run.indexOf("executing:2"), run.indexOf("progress_state:2=finished"));
        assertThat(whileSleeping).contains("status:1");
    }

    static JsonNode slowPrompt(int steps) {
        return json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 6, "value": 0.5}},
                 "2": {"class_type": "TestSlow", "inputs": {"image": ["1", 0], "steps": %d}},
                 "3": {"class_type": "TestSave", "inputs": {"images": ["2", 0], "filename_prefix": "slow"}}}
                """.formatted(steps));
    }

    JsonNode awaitHistory(String id) {
        return Awaitility.await("prompt " + id + " in the history").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> client.get("/history/" + id).json(), history -> history.has(id)).path(id);
    }
}
