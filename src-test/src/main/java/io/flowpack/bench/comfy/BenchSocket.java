package io.flowpack.bench.comfy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One benchmark client's WebSocket: records when each prompt's {@code executing {node: null}} arrived. */
final class BenchSocket implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, CompletableFuture<Long>> done = new ConcurrentHashMap<>();
    final Set<String> foreign = ConcurrentHashMap.newKeySet();
    final AtomicInteger errors = new AtomicInteger();
    private final StringBuilder text = new StringBuilder();
    private WebSocket webSocket;

    static BenchSocket open(HttpClient http, int port, String clientId) {
        BenchSocket socket = new BenchSocket();
        socket.webSocket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?clientId=" + clientId), socket).join();
        return socket;
    }

    /** The future completed with the arrival time (ns) of the prompt's last message; register before queueing. */
    CompletableFuture<Long> expect(String promptId) {
        return done.computeIfAbsent(promptId, k -> new CompletableFuture<>());
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            long now = System.nanoTime();
            try {
                JsonNode message = JSON.readTree(text.toString());
                JsonNode body = message.path("data");
                String type = message.path("type").asText();
                if (type.equals("execution_error")) {
                    errors.incrementAndGet();
                }
                if (type.equals("executing") && body.path("node").isNull()) {
                    String id = body.path("prompt_id").asText();
                    CompletableFuture<Long> future = done.get(id);
                    if (future == null) {
                        foreign.add(id);
                    } else {
                        future.complete(now);
                    }
                }
            } catch (java.io.IOException e) {
                errors.incrementAndGet();
            }
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    void close() {
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
