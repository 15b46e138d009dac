package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /upload/image} and {@code /upload/mask} (multipart: {@code image}, {@code type}, {@code subfolder},
 * {@code overwrite}, {@code original_ref}). A name clash gets {@code " (1)"}, {@code " (2)"}… before the extension
 * unless the existing file has the same content, whose name is then returned without writing. Bodies over the limit
 * are refused with 413 from their declared length or while they stream to disk, never held in memory.
 */
final class UploadRoutes {

    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final RunnerCore core;

    UploadRoutes(RunnerCore core) {
        this.core = core;
    }

    void register(Router router) {
        router.post("upload/image", call -> upload(call, false))
                .post("upload/mask", call -> upload(call, true));
    }

    private void upload(Call call, boolean mask) throws IOException {
        long limit = core.settings().maxUploadBytes();
        if (call.request.getContentLengthLong() > limit) {
            throw new Call.BadRequest(413, "upload of " + call.request.getContentLengthLong()
                    + " bytes is over the limit of " + limit);
        }
        Part image;
        try {
            image = call.request.getPart("image");
        } catch (IllegalStateException e) {
            throw new Call.BadRequest(413, "upload is over the limit of " + limit + " bytes");
        } catch (ServletException e) {
            throw new Call.BadRequest(400, "not a multipart upload: " + e.getMessage());
        }
        if (image == null || image.getSubmittedFileName() == null || image.getSubmittedFileName().isEmpty()) {
            throw new Call.BadRequest(400, "no image part");
        }
        String type = field(call, "type", "input");
        Path base = Folders.byType(core.settings(), type);
        if (base == null) {
            throw new Call.BadRequest(400, "unknown type: " + type);
        }
        String subfolder = field(call, "subfolder", "");
        Path folder;
        try {
            folder = SafePaths.folder(base, subfolder);
        } catch (Call.BadRequest e) {
            throw new Call.BadRequest(400, e.getMessage());
        }
        String name = SafePaths.fileName(image.getSubmittedFileName());
        boolean overwrite = Arrays.asList("true", "1").contains(field(call, "overwrite", ""));
        Files.createDirectories(folder);
        SafePaths.checkReal(base, folder);
        byte[] hash = sha256(image);
        if (!overwrite) {
            String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            for (int i = 1; Files.exists(folder.resolve(name)); i++) {
                if (Files.isRegularFile(folder.resolve(name)) && Arrays.equals(hash, sha256(folder.resolve(name)))) {
                    answer(call, name, subfolder, type);
                    return;
                }
                name = stem + " (" + i + ")" + extension;
            }
        }
        Path target = folder.resolve(name);
        SafePaths.checkReal(base, target);
        if (mask) {
            writeMask(call, image, target);
        } else {
            write(image, target);
        }
        answer(call, name, subfolder, type);
    }

    private void writeMask(Call call, Part image, Path target) throws IOException {
        String ref = field(call, "original_ref", null);
        if (ref == null) {
            throw new Call.BadRequest(400, "original_ref is missing");
        }
        JsonNode original;
        try {
            original = Json.MAPPER.readTree(ref);
        } catch (IOException e) {
            throw new Call.BadRequest(400, "original_ref is not JSON");
        }
        String filename = original.path("filename").asText("");
        String type = original.path("type").asText("output");
        for (String annotated : new String[]{"output", "input", "temp"}) {
            if (filename.endsWith(" [" + annotated + "]")) {
                filename = filename.substring(0, filename.length() - annotated.length() - 3);
                type = annotated;
            }
        }
        if (filename.isEmpty() || filename.startsWith("/") || filename.contains("..")) {
            throw new Call.BadRequest(400, "invalid original_ref file name");
        }
        Path base = Folders.byType(core.settings(), type);
        if (base == null) {
            throw new Call.BadRequest(400, "unknown original_ref type: " + type);
        }
        Path file = SafePaths.folder(base, original.path("subfolder").asText("")).resolve(SafePaths.fileName(filename));
        SafePaths.checkReal(base, file);
        if (!Files.isRegularFile(file)) {
            return; // as ComfyUI: nothing written, the answer still names the upload
        }
        BufferedImage merged;
        try (InputStream maskIn = image.getInputStream()) {
            BufferedImage originalImage = ImageFiles.read(file, core.environment().imageLimits());
            merged = ImageFiles.withAlphaOf(originalImage, ImageFiles.read(maskIn, core.environment().imageLimits()));
        } catch (IOException e) {
            throw new Call.BadRequest(400, "mask or original is not a readable image: " + e.getMessage());
        }
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            PngTextChunks.write(merged, PngTextChunks.read(file), partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void write(Part image, Path target) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try (InputStream in = image.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void answer(Call call, String name, String subfolder, String type) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("subfolder", subfolder);
        body.put("type", type);
        call.json(body);
    }

    private static String field(Call call, String name, String fallback) throws IOException {
        Part part;
        try {
            part = call.request.getPart(name);
        } catch (ServletException e) {
            return fallback;
        }
        if (part == null) {
            return fallback;
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new Call.BadRequest(400, "form field " + name + " is too long");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static byte[] sha256(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return digest(in);
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        }
    }

    private static byte[] digest(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
