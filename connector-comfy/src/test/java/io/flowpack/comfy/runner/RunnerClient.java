package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain JDK HTTP + WebSocket client for the runner's tests. */
final class RunnerClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RunnerClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Queues a prompt for a client; returns the answer. */
    Response queue(String clientId, Object prompt) throws IOException, InterruptedException {
        Response response = post("/prompt", java.util.Map.of("prompt", prompt, "client_id", clientId));
        if (response.status() != 200) {
            throw new AssertionError("prompt refused: " + response.body());
        }
        return response;
    }

    Socket socket(String clientId) throws InterruptedException {
        Socket socket = new Socket();
        String query = clientId == null ? "" : "?clientId=" + clientId;
        socket.webSocket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws" + query),
                socket).join();
        socket.first = socket.next();
        return socket;
    }

    /** Collects the messages of one WebSocket. */
    static final class Socket implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final List<byte[]> binary = new CopyOnWriteArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WebSocket webSocket;
        JsonNode first;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            bytes.writeBytes(chunk);
            if (last) {
                binary.add(bytes.toByteArray());
                bytes.reset();
            }
            ws.request(1);
            return null;
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = messages.poll(20, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no WebSocket message within 20 s");
            }
            return message;
        }

        /** Messages until {@code executing {node: null}} of the prompt (inclusive). */
        List<JsonNode> untilDone(String promptId) throws InterruptedException {
            List<JsonNode> seen = new ArrayList<>();
            while (true) {
                JsonNode message = next();
                seen.add(message);
                JsonNode data = message.path("data");
                if (message.path("type").asText().equals("executing") && data.path("node").isNull()
                        && promptId.equals(data.path("prompt_id").asText())) {
                    return seen;
                }
            }
        }

        void send(String text) {
            webSocket.sendText(text, true).join();
        }

        void close() {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }

        static String type(JsonNode message) {
            return message.path("type").asText();
        }

        static String utf8(byte[] bytes, int from, int length) {
            return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
    }
}
