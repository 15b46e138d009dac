package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One HTTP request to a route: its path parameters, query, JSON body, and answer helpers. */
final class Call {

    /** Largest JSON body read into memory (prompts with embedded workflows can be a few MB). */
    static final int MAX_JSON_BYTES = 64 * 1024 * 1024;

    final HttpServletRequest request;
    final HttpServletResponse response;
    final List<String> params;

    Call(HttpServletRequest request, HttpServletResponse response, List<String> params) {
        this.request = request;
        this.response = response;
        this.params = params;
    }

    String param(int index) {
        return params.get(index);
    }

    /**
     * A query parameter, from the query string only: {@code getParameter} would also read a form-encoded body, which
     * is what Python's {@code urllib} declares for any POST (then a JSON or raw body would be consumed).
     */
    String query(String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.equals(key)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The body as JSON; null when it is empty. Throws {@link BadRequest} for invalid JSON or an oversized body. */
    JsonNode jsonBody() throws IOException {
        byte[] bytes = body(MAX_JSON_BYTES);
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest(400, "invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** The JSON body, or null when it is empty or not JSON (for routes that ignore a bad body, as ComfyUI does). */
    JsonNode jsonBodyOrNull() throws IOException {
        try {
            return jsonBody();
        } catch (BadRequest e) {
            return null;
        }
    }

    byte[] body(int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new BadRequest(413, "request body of " + declared + " bytes is over the limit of " + limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new BadRequest(413, "request body is over the limit of " + limit + " bytes");
            }
            return bytes;
        }
    }

    void json(int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    void json(Object body) throws IOException {
        json(200, body);
    }

    /** A bare status with an empty body (ComfyUI's convention for most errors). */
    void empty(int status) {
        response.setStatus(status);
        response.setContentLength(0);
    }

    /** A request the route refuses: the status and, for the log and an optional text body, why. */
    static final class BadRequest extends IOException {
        final int status;

        BadRequest(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }
}
