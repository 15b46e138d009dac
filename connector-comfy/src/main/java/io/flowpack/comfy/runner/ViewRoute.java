package io.flowpack.comfy.runner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /view?filename=&type=&subfolder=&preview=&channel=}: a file of the input, output or temp folder. The
 * {@code " [output]"} annotation overrides {@code type}; previews are re-encoded as JPEG (this server has no WebP
 * encoder, so {@code preview=webp;90} also answers JPEG, with its true content type).
 */
final class ViewRoute {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"), Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"), Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"), Map.entry("json", "application/json"), Map.entry("txt", "text/plain"),
            Map.entry("pdf", "application/pdf"), Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mpeg"));

    private final RunnerCore core;

    ViewRoute(RunnerCore core) {
        this.core = core;
    }

    void register(Router router) {
        router.get("view", this::view);
    }

    private void view(Call call) throws IOException {
        String filename = call.query("filename");
        if (filename == null) {
            call.empty(404);
            return;
        }
        String type = call.query("type") == null || call.query("type").isEmpty() ? "output" : call.query("type");
        for (String annotated : new String[]{"output", "input", "temp"}) {
            if (filename.endsWith(" [" + annotated + "]")) {
                filename = filename.substring(0, filename.length() - annotated.length() - 3);
                type = annotated;
            }
        }
        if (filename.isEmpty() || filename.startsWith("/") || filename.contains("..") || filename.contains("\\")) {
            throw new Call.BadRequest(400, "invalid file name: " + filename);
        }
        Path base = Folders.byType(core.settings(), type);
        if (base == null) {
            throw new Call.BadRequest(400, "unknown type: " + type);
        }
        Path folder = SafePaths.folder(base, call.query("subfolder"));
        String name = SafePaths.fileName(filename.substring(filename.lastIndexOf('/') + 1));
        Path file = folder.resolve(name);
        SafePaths.checkReal(base, file);
        if (!Files.isRegularFile(file)) {
            call.empty(404);
            return;
        }
        String preview = call.query("preview");
        String channel = call.query("channel") == null ? "rgba" : call.query("channel");
        call.response.setHeader("Content-Disposition", "filename=\"" + name.replace("\"", "") + "\"");
        if (preview != null && !preview.isEmpty()) {
            sendPreview(call, file, preview, channel);
        } else if (channel.equals("rgb") || channel.equals("a")) {
            BufferedImage image = ImageFiles.read(file, core.environment().imageLimits());
            send(call, "image/png", ImageFiles.png(channel.equals("a") ? ImageFiles.alphaOnly(image)
                    : ImageFiles.withoutAlpha(image)));
        } else {
            sendFile(call, file, name);
        }
    }

    private void sendPreview(Call call, Path file, String preview, String channel) throws IOException {
        String[] parts = preview.split(";");
        int quality = 90;
        if (parts.length > 1) {
            try {
                quality = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new Call.BadRequest(400, "invalid preview quality: " + parts[1]);
            }
        }
        BufferedImage image = ImageFiles.read(file, core.environment().imageLimits());
        if (channel.contains("a") && !channel.equals("rgba")) {
            send(call, "image/png", ImageFiles.png(ImageFiles.alphaOnly(image)));
        } else {
            send(call, "image/jpeg", ImageFiles.jpeg(image, quality));
        }
    }

    private static void sendFile(Call call, Path file, String name) throws IOException {
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String contentType = TYPES.get(extension);
        if (contentType == null) {
            contentType = "application/octet-stream";
            call.response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
            call.response.setHeader("X-Content-Type-Options", "nosniff");
        } else if (contentType.startsWith("image/")) {
            call.response.setHeader("Cache-Control", "public, max-age=86400");
        }
        call.response.setStatus(200);
        call.response.setContentType(contentType);
        call.response.setContentLengthLong(Files.size(file));
        try (OutputStream out = call.response.getOutputStream()) {
            Files.copy(file, out);
        }
    }

    private static void send(Call call, String contentType, byte[] bytes) throws IOException {
        call.response.setStatus(200);
        call.response.setContentType(contentType);
        call.response.setContentLength(bytes.length);
        call.response.getOutputStream().write(bytes);
    }
}
