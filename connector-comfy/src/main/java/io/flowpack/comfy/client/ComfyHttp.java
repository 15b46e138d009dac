package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The HTTP side of the client: requests with the server's token and time-outs, bounded reads, precise errors. */
final class ComfyHttp {
    /** Largest JSON answer read (a real ComfyUI's full {@code /object_info} is a few MB). */
    static final long MAX_JSON_BYTES = 64L * 1024 * 1024;

    private final ComfyServerSettings settings;
    private final HttpClient http;

    ComfyHttp(ComfyServerSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    JsonNode getJson(String path) {
        HttpResponse<InputStream> response = send(request(path).GET().build());
        byte[] body = read(response, MAX_JSON_BYTES, "GET /" + path);
        expectOk(response, body, "GET /" + path);
        return ComfyJson.parse(body, "the answer to GET /" + path);
    }

    /** POSTs JSON and returns status and body (callers decide what a non-200 means). */
    Answer postJson(String path, Object json) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ComfyJson.bytes(json))).build();
        HttpResponse<InputStream> response = send(request);
        return new Answer(response.statusCode(), read(response, MAX_JSON_BYTES, "POST /" + path));
    }

    Answer post(String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest request = request(path).header("Content-Type", contentType).POST(body).build();
        HttpResponse<InputStream> response = send(request);
        return new Answer(response.statusCode(), read(response, MAX_JSON_BYTES, "POST /" + path));
    }

    /** GETs a file into {@code out}, refusing one over {@code maxBytes} before or while reading it. */
    void getTo(String path, long maxBytes, OutputStream out) {
        HttpResponse<InputStream> response = send(request(path).GET().build());
        if (response.statusCode() != 200) {
            byte[] body = read(response, 64 * 1024, "GET /" + path);
            expectOk(response, body, "GET /" + path);
        }
        Optional<String> length = response.headers().firstValue("Content-Length");
        if (length.isPresent() && parseLong(length.get()) > maxBytes) {
            close(response);
            throw new ComfyException(server() + ": GET /" + path + " is " + length.get()
                    + " bytes, over the limit of " + maxBytes + " bytes");
        }
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ComfyException(server() + ": GET /" + path + " is over the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ComfyConnectionException(server() + ": reading GET /" + path + " failed: " + e.getMessage(), e);
        }
    }

    void expectOk(HttpResponse<?> response, byte[] body, String what) {
        if (response.statusCode() != 200) {
            throw new ComfyHttpException(server() + ": " + what + " answered HTTP " + response.statusCode()
                    + snippet(body), response.statusCode());
        }
    }

    String server() {
        return "ComfyUI server '" + settings.name() + "' (" + settings.baseUri() + ")";
    }

    static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + text + (body.length > 300 ? "…" : "");
    }

    private HttpRequest.Builder request(String path) {
        URI uri = settings.resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout());
        if (settings.bearerToken() != null) {
            builder.header("Authorization", "Bearer " + settings.bearerToken());
        }
        return builder;
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        String what = request.method() + " " + request.uri().getRawPath();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ComfyConnectionException(server() + ": " + what + " timed out (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ComfyConnectionException(server() + " cannot be reached: " + what + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyConnectionException(server() + ": " + what + " was interrupted", e);
        }
    }

    private byte[] read(HttpResponse<InputStream> response, long maxBytes, String what) {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new ComfyException(server() + ": the answer to " + what + " is over the limit of " + maxBytes
                        + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ComfyConnectionException(server() + ": reading the answer to " + what + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A status and body. */
    record Answer(int status, byte[] body) {
    }
}
