package io.flowpack.comfy.client;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578): text fields and files, a file's content streamed from its own
 * publisher (a file on disk is not read into memory).
 */
final class Multipart {
    private final String boundary = "flowpack-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    Multipart field(String name, String value) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, String filename, String mediaType, HttpRequest.BodyPublisher content) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\""
                + quoted(filename) + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n");
        parts.add(content);
        text("\r\n");
        return this;
    }

    /** The whole body; its length is known when every file's is. */
    HttpRequest.BodyPublisher finish() {
        text("--" + boundary + "--\r\n");
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** Quotes and line breaks cannot appear inside a quoted header parameter; browsers percent-encode them too. */
    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private void text(String text) {
        parts.add(HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8)));
    }
}
