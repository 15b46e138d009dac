package io.flowpack.comfy.runner;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The web frontend from the configured folder (ComfyUI's {@code --front-end-root}): {@code /} is
 * {@code index.html}, every other path a file inside the folder. Without a folder, {@code /} says how to add one.
 */
final class StaticFrontEnd {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("map", "application/json"), Map.entry("wasm", "application/wasm"), Map.entry("txt", "text/plain"));

    private final Path root;

    StaticFrontEnd(Path root) {
        this.root = root;
    }

    void serve(Call call, List<String> segments) throws IOException {
        if (root == null) {
            if (segments.isEmpty()) {
                byte[] page = ("<!doctype html><title>flowpack graph runner</title><p>flowpack's ComfyUI-compatible "
                        + "graph runner. No web frontend is configured (flowpack.comfy.runner.front-end-root).")
                        .getBytes(StandardCharsets.UTF_8);
                call.response.setContentType("text/html; charset=utf-8");
                call.response.getOutputStream().write(page);
            } else {
                call.empty(404);
            }
            return;
        }
        String relative = segments.isEmpty() ? "index.html" : String.join("/", segments);
        for (String segment : segments) {
            if (segment.equals("..") || segment.contains("\\") || segment.contains("/") || segment.contains("\0")) {
                throw new Call.BadRequest(400, "invalid path");
            }
        }
        Path file = SafePaths.folder(root, relative);
        SafePaths.checkReal(root, file);
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            call.empty(404);
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.getOrDefault(extension, URLConnection.guessContentTypeFromName(name));
        call.response.setContentType(type == null ? "application/octet-stream" : type);
        if (segments.isEmpty() || extension.equals("js") || extension.equals("css") || name.startsWith("index")) {
            call.response.setHeader("Cache-Control", "no-cache");
        }
        call.response.setContentLengthLong(Files.size(file));
        Files.copy(file, call.response.getOutputStream());
    }
}
