package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A client of one ComfyUI server (or any server speaking its protocol): uploads, queueing, following a prompt over
 * the WebSocket with {@code /history} as fallback, outputs, interrupt, time-outs, reconnects and lost-prompt handling.
 * Thread-safe; one client serves any number of prompts at once over one WebSocket. Close it when done.
 */
public final class ComfyClient implements AutoCloseable {
    private final ComfyServerSettings settings;
    private final HttpClient http;
    private final ComfyHttp api;
    private final String clientId = UUID.randomUUID().toString();
    private final Map<String, PromptWatch> watches = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private ComfySocket socket;
    private volatile boolean closed;

    public ComfyClient(ComfyServerSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        this.api = new ComfyHttp(settings, http);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "comfy-" + settings.name() + "-reconnect");
            thread.setDaemon(true);
            return thread;
        });
    }

    public ComfyServerSettings settings() {
        return settings;
    }

    /** The id this client's WebSocket and prompts carry ({@code clientId} / {@code client_id}). */
    public String clientId() {
        return clientId;
    }

    /**
     * Receives every JSON message of this client's WebSocket ({@code {"type", "data"}}), in arrival order, on the
     * socket's thread; for logging or custom node messages. Must be quick and must not throw.
     */
    public void addMessageListener(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    /** Uploads an image into the server's {@code input} folder; identical content under an existing name is reused. */
    public UploadedImage uploadImage(String filename, String mediaType, byte[] content, boolean overwrite) {
        return upload(filename, mediaType, HttpRequest.BodyPublishers.ofByteArray(content), overwrite);
    }

    /** Uploads an image file, streamed from disk. */
    public UploadedImage uploadImage(String filename, String mediaType, Path file, boolean overwrite) {
        try {
            return upload(filename, mediaType, HttpRequest.BodyPublishers.ofFile(file), overwrite);
        } catch (FileNotFoundException e) {
            throw new ComfyException("cannot upload " + file + ": it does not exist");
        }
    }

    private UploadedImage upload(String filename, String mediaType, HttpRequest.BodyPublisher content, boolean overwrite) {
        if (filename == null || filename.isBlank()) {
            throw new IllegalArgumentException("an upload needs a file name");
        }
        Multipart form = new Multipart()
                .file("image", filename, mediaType == null ? "application/octet-stream" : mediaType, content)
                .field("type", "input")
                .field("overwrite", String.valueOf(overwrite));
        ComfyHttp.Answer answer = api.post("upload/image", form.contentType(), form.finish());
        if (answer.status() != 200) {
            throw new ComfyHttpException(api.server() + ": uploading '" + filename + "' answered HTTP " + answer.status()
                    + ComfyHttp.snippet(answer.body()), answer.status());
        }
        JsonNode json = ComfyJson.parse(answer.body(), "the answer to POST /upload/image");
        String name = ComfyJson.text(json, "name");
        if (name == null || name.isEmpty()) {
            throw new ComfyException(api.server() + ": the answer to POST /upload/image has no name: " + json);
        }
        String subfolder = ComfyJson.text(json, "subfolder");
        String type = ComfyJson.text(json, "type");
        return new UploadedImage(name, subfolder == null ? "" : subfolder, type == null ? "input" : type);
    }

    /** {@code GET /object_info/{class}}: the node's declaration, or empty when the server does not know the class. */
    public Optional<JsonNode> objectInfo(String classType) {
        JsonNode all = api.getJson("object_info/" + pathSegment(classType));
        JsonNode node = all.get(classType);
        return node == null || !node.isObject() ? Optional.empty() : Optional.of(node);
    }

    /** {@code GET /object_info}: every node class the server has. */
    public JsonNode objectInfo() {
        return api.getJson("object_info");
    }

    /** Queues a workflow (API format) under a new prompt id, for this client's WebSocket; does not wait. */
    public QueuedPrompt queue(JsonNode workflow) {
        return queue(workflow, UUID.randomUUID().toString());
    }

    QueuedPrompt queue(JsonNode workflow, String promptId) {
        ObjectNode body = ComfyJson.MAPPER.createObjectNode();
        body.set("prompt", workflow);
        body.put("client_id", clientId);
        body.put("prompt_id", promptId);
        ComfyHttp.Answer answer = api.postJson("prompt", body);
        if (answer.status() == 400) {
            JsonNode error = parseOrNull(answer.body());
            if (error != null && error.has("error")) {
                throw PromptErrors.rejected(settings.name(), error);
            }
        }
        if (answer.status() != 200) {
            throw new ComfyHttpException(api.server() + ": POST /prompt answered HTTP " + answer.status()
                    + ComfyHttp.snippet(answer.body()), answer.status());
        }
        JsonNode json = ComfyJson.parse(answer.body(), "the answer to POST /prompt");
        String id = ComfyJson.text(json, "prompt_id");
        if (id == null) {
            throw new ComfyException(api.server() + ": the answer to POST /prompt has no prompt_id: " + json);
        }
        return new QueuedPrompt(id, json.path("number").asDouble(), PromptErrors.nodeErrors(json.path("node_errors")));
    }

    /** Runs a workflow to its end and returns its output images (not yet fetched; see {@link #view}). */
    public PromptResult run(JsonNode workflow, ComfyProgress progress) {
        return run(workflow, progress, () -> false);
    }

    /**
     * Runs a workflow to its end: queues it, follows it, handles a lost prompt by the server's policy.
     *
     * @param cancelled polled while waiting; once true the prompt is interrupted and a
     *                  {@link PromptInterruptedException} thrown
     */
    public PromptResult run(JsonNode workflow, ComfyProgress progress, BooleanSupplier cancelled) {
        ensureSocket();
        return new PromptRun(this, workflow, progress == null ? ComfyProgress.NONE : progress,
                cancelled == null ? () -> false : cancelled).execute();
    }

    /** {@code GET /history/{id}}: the finished prompt's record, or empty while it is not finished (or unknown). */
    public Optional<JsonNode> history(String promptId) {
        JsonNode all = api.getJson("history/" + pathSegment(promptId));
        JsonNode entry = all.get(promptId);
        return entry == null || !entry.isObject() ? Optional.empty() : Optional.of(entry);
    }

    /** Whether the prompt is running or pending in {@code GET /queue}. */
    public boolean isQueued(String promptId) {
        JsonNode queue = api.getJson("queue");
        for (String list : List.of("queue_running", "queue_pending")) {
            for (JsonNode item : queue.path(list)) {
                if (item.isArray() && item.size() > 1 && promptId.equals(item.get(1).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code POST /interrupt {"prompt_id": id}}: stops the prompt if it is the one running. */
    public void interrupt(String promptId) {
        ObjectNode body = ComfyJson.MAPPER.createObjectNode().put("prompt_id", promptId);
        ComfyHttp.Answer answer = api.postJson("interrupt", body);
        if (answer.status() != 200) {
            throw new ComfyHttpException(api.server() + ": POST /interrupt answered HTTP " + answer.status(),
                    answer.status());
        }
    }

    /** Takes the prompt out of the pending queue and interrupts it if running; best effort, never throws. */
    public void cancel(String promptId) {
        try {
            ObjectNode body = ComfyJson.MAPPER.createObjectNode();
            body.putArray("delete").add(promptId);
            api.postJson("queue", body);
            interrupt(promptId);
        } catch (ComfyException ignored) {
            // the server is gone or the prompt already finished
        }
    }

    /** {@code GET /view}: an output file's bytes, at most the server's {@code maxOutputBytes}. */
    public byte[] view(OutputImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        viewTo(image, out);
        return out.toByteArray();
    }

    /** {@code GET /view} streamed into {@code out}, at most the server's {@code maxOutputBytes}. */
    public void viewTo(OutputImage image, OutputStream out) {
        String query = "view?filename=" + query(image.filename()) + "&subfolder="
                + query(image.subfolder() == null ? "" : image.subfolder()) + "&type="
                + query(image.type() == null ? "output" : image.type());
        api.getTo(query, settings.maxOutputBytes(), out);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (socket != null) {
                socket.close();
            }
        }
        scheduler.shutdownNow();
    }

    boolean socketOpen() {
        synchronized (this) {
            return socket != null && socket.isOpen();
        }
    }

    PromptWatch watch(String promptId) {
        PromptWatch watch = new PromptWatch();
        watches.put(promptId, watch);
        return watch;
    }

    void watch(String promptId, PromptWatch watch) {
        watches.put(promptId, watch);
    }

    void unwatch(String promptId) {
        watches.remove(promptId);
    }

    private synchronized void ensureSocket() {
        if (closed) {
            throw new IllegalStateException("the client of ComfyUI server '" + settings.name() + "' is closed");
        }
        if (socket != null) {
            return;
        }
        socket = new ComfySocket(http, settings.webSocketUri(clientId), settings, new Events(), scheduler);
        try {
            socket.connect();
        } catch (ComfyConnectionException e) {
            socket.reconnectLater(e.getMessage());
        }
    }

    private static JsonNode parseOrNull(byte[] body) {
        try {
            return ComfyJson.MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Routes socket messages to the watch of their prompt. */
    private final class Events implements ComfySocket.Events {
        @Override
        public void message(JsonNode message) {
            for (Consumer<JsonNode> listener : listeners) {
                try {
                    listener.accept(message);
                } catch (RuntimeException e) {
                    // a listener's failure must not stop the socket
                }
            }
            JsonNode data = message.path("data");
            String promptId = ComfyJson.text(data, "prompt_id");
            PromptWatch watch = promptId == null ? null : watches.get(promptId);
            if (watch != null) {
                watch.offer(ComfyJson.text(message, "type"), data);
            }
        }

        @Override
        public void disconnected(String reason) {
            watches.values().forEach(w -> w.offer(PromptWatch.DISCONNECTED, null));
        }

        @Override
        public void reconnected() {
            watches.values().forEach(w -> w.offer(PromptWatch.RECONNECTED, null));
        }
    }
}
