package io.flowpack.comfy.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body (RFC 7578) built in memory: text fields and one file. */
final class Multipart {
    private final String boundary = "flowpack-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    Multipart field(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n");
        write(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    Multipart file(String name, String filename, String mediaType, byte[] content) {
        head("Content-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\"" + quoted(filename) + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n");
        write(content);
        write("\r\n");
        return this;
    }

    byte[] finish() {
        write("--" + boundary + "--\r\n");
        return body.toByteArray();
    }

    private void head(String headers) {
        write("--" + boundary + "\r\n" + headers + "\r\n");
    }

    /** Quotes and line breaks cannot appear inside a quoted header parameter; browsers percent-encode them too. */
    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        body.write(bytes, 0, bytes.length);
    }
}
