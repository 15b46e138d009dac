package io.flowpack.comfy.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and use one ComfyUI server.
 *
 * @param name           the name routes use ({@code comfy:upscale?server=<name>}); appears in error messages
 * @param baseUri        e.g. {@code http://127.0.0.1:8188} (a path prefix behind a proxy is kept)
 * @param bearerToken    sent as {@code Authorization: Bearer …} on every request and the WebSocket handshake; null for none
 * @param connectTimeout time to open a connection (HTTP and WebSocket)
 * @param requestTimeout time for one HTTP request to answer
 * @param promptTimeout  time for one prompt from queueing to its outputs; on expiry it is interrupted
 * @param onLostPrompt   what to do when a server restart lost a queued or running prompt
 * @param maxResubmits   how often a lost prompt is queued again under {@link LostPromptPolicy#RESUBMIT}
 * @param maxOutputBytes largest output file fetched from {@code /view}
 * @param pollInterval   without WebSocket news for this long, the client asks {@code /history} and {@code /queue}
 */
public record ComfyServerSettings(String name, URI baseUri, String bearerToken, Duration connectTimeout,
                                  Duration requestTimeout, Duration promptTimeout, LostPromptPolicy onLostPrompt,
                                  int maxResubmits, long maxOutputBytes, Duration pollInterval) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PROMPT_TIMEOUT = Duration.ofMinutes(10);
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    public ComfyServerSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("ComfyUI server '" + name + "': URL must start with http:// or https://, got "
                    + baseUri);
        }
        if (baseUri.getHost() == null) {
            throw new IllegalArgumentException("ComfyUI server '" + name + "': URL has no host: " + baseUri);
        }
        name = name == null || name.isBlank() ? baseUri.getAuthority() : name;
        bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT);
        promptTimeout = positive(promptTimeout, DEFAULT_PROMPT_TIMEOUT);
        onLostPrompt = onLostPrompt == null ? LostPromptPolicy.RESUBMIT : onLostPrompt;
        maxResubmits = Math.max(0, maxResubmits);
        maxOutputBytes = maxOutputBytes > 0 ? maxOutputBytes : DEFAULT_MAX_OUTPUT_BYTES;
        pollInterval = positive(pollInterval, DEFAULT_POLL_INTERVAL);
    }

    /** Defaults for everything but the name and URL. */
    public static ComfyServerSettings of(String name, String url) {
        return new ComfyServerSettings(name, URI.create(url), null, null, null, null, null, 2, 0, null);
    }

    public ComfyServerSettings withBearerToken(String token) {
        return new ComfyServerSettings(name, baseUri, token, connectTimeout, requestTimeout, promptTimeout,
                onLostPrompt, maxResubmits, maxOutputBytes, pollInterval);
    }

    public ComfyServerSettings withPromptTimeout(Duration timeout) {
        return new ComfyServerSettings(name, baseUri, bearerToken, connectTimeout, requestTimeout, timeout,
                onLostPrompt, maxResubmits, maxOutputBytes, pollInterval);
    }

    public ComfyServerSettings withOnLostPrompt(LostPromptPolicy policy) {
        return new ComfyServerSettings(name, baseUri, bearerToken, connectTimeout, requestTimeout, promptTimeout,
                policy, maxResubmits, maxOutputBytes, pollInterval);
    }

    public ComfyServerSettings withMaxOutputBytes(long bytes) {
        return new ComfyServerSettings(name, baseUri, bearerToken, connectTimeout, requestTimeout, promptTimeout,
                onLostPrompt, maxResubmits, bytes, pollInterval);
    }

    public ComfyServerSettings withPollInterval(Duration interval) {
        return new ComfyServerSettings(name, baseUri, bearerToken, connectTimeout, requestTimeout, promptTimeout,
                onLostPrompt, maxResubmits, maxOutputBytes, interval);
    }

    /** {@code path} (without leading slash, may carry a query) under the base URL. */
    public URI resolve(String path) {
        String base = baseUri.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    /** The WebSocket URL for a client id: {@code ws[s]://host/…/ws?clientId=…}. */
    public URI webSocketUri(String clientId) {
        URI http = resolve("ws?clientId=" + clientId);
        String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + http.toString().substring(http.getScheme().length()));
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
