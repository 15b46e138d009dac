package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client's WebSocket ({@code /ws?clientId=…}): hands each JSON message to {@link Events}, and when the connection
 * drops reconnects under the same client id with exponential back-off until closed. No {@code Origin} header is sent
 * (the JDK client adds none), so a loopback ComfyUI's origin check lets it in.
 */
final class ComfySocket implements WebSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ComfySocket.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration MAX_RETRY = Duration.ofSeconds(2);

    /** What the socket tells its owner. */
    interface Events {
        void message(JsonNode message);

        void disconnected(String reason);

        void reconnected();
    }

    private final HttpClient http;
    private final URI uri;
    private final ComfyServerSettings settings;
    private final Events events;
    private final ScheduledExecutorService scheduler;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;
    private boolean reconnecting;
    private Duration nextDelay = FIRST_RETRY;

    ComfySocket(HttpClient http, URI uri, ComfyServerSettings settings, Events events, ScheduledExecutorService scheduler) {
        this.http = http;
        this.uri = uri;
        this.settings = settings;
        this.events = events;
        this.scheduler = scheduler;
    }

    /** Opens the connection, waiting at most the connect time-out. */
    void connect() {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout());
        if (settings.bearerToken() != null) {
            builder.header("Authorization", "Bearer " + settings.bearerToken());
        }
        try {
            socket = builder.buildAsync(uri, this).get(settings.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ComfyConnectionException("ComfyUI server '" + settings.name() + "': WebSocket " + uri
                    + " could not be opened: " + describe(cause), cause);
        } catch (TimeoutException e) {
            throw new ComfyConnectionException("ComfyUI server '" + settings.name() + "': WebSocket " + uri
                    + " did not open within " + settings.connectTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyConnectionException("interrupted while opening WebSocket " + uri, e);
        }
    }

    /** Starts the reconnect loop after a failed first connect (the client then relies on polling until it is back). */
    void reconnectLater(String reason) {
        synchronized (this) {
            if (reconnecting || closed) {
                return;
            }
            reconnecting = true;
            nextDelay = FIRST_RETRY;
        }
        LOG.warn("{}; retrying in the background", reason);
        schedule();
    }

    boolean isOpen() {
        WebSocket current = socket;
        return current != null && !current.isInputClosed() && !current.isOutputClosed();
    }

    void close() {
        closed = true;
        WebSocket current = socket;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
            current.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                events.message(ComfyJson.MAPPER.readTree(text));
            } catch (Exception e) {
                LOG.debug("ignoring a WebSocket message that is not JSON: {}", e.getMessage());
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1); // previews are not used
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        dropped(webSocket, "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        dropped(webSocket, describe(error));
    }

    private void dropped(WebSocket which, String reason) {
        synchronized (this) {
            if (which != socket || closed) {
                return;
            }
            socket = null;
            partial.setLength(0);
            if (reconnecting) {
                return;
            }
            reconnecting = true;
            nextDelay = FIRST_RETRY;
        }
        LOG.info("ComfyUI server '{}': WebSocket dropped: {}; reconnecting", settings.name(), reason);
        events.disconnected(reason);
        schedule();
    }

    private void schedule() {
        if (closed) {
            return;
        }
        try {
            scheduler.schedule(this::retry, nextDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException stopped) {
            // the client is closing
        }
    }

    private void retry() {
        if (closed) {
            return;
        }
        try {
            connect();
        } catch (ComfyConnectionException e) {
            synchronized (this) {
                long doubled = Math.min(MAX_RETRY.toMillis(), nextDelay.toMillis() * 2);
                nextDelay = Duration.ofMillis(doubled);
            }
            LOG.debug("ComfyUI server '{}': reconnect failed: {}", settings.name(), e.getMessage());
            schedule();
            return;
        }
        synchronized (this) {
            if (socket == null) { // dropped again at once
                schedule();
                return;
            }
            reconnecting = false;
        }
        LOG.info("ComfyUI server '{}': WebSocket reconnected", settings.name());
        events.reconnected();
    }

    private static String describe(Throwable e) {
        if (e instanceof WebSocketHandshakeException handshake && handshake.getResponse() != null) {
            return "the server answered the handshake with HTTP " + handshake.getResponse().statusCode();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
