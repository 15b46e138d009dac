package io.flowpack.document;

import io.flowpack.imaging.ImageFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Media types of incoming content: by magic bytes first, then by file extension. A text file named
 * {@code .jpg} thus stays {@code image/jpeg} by name only if its bytes say nothing, and the image decoder
 * then refuses it with a precise reason.
 */
public final class MediaTypes {
    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String PDF = "application/pdf";
    public static final String JSON = "application/json";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", PDF), Map.entry("json", JSON), Map.entry("txt", "text/plain"),
            Map.entry("mp4", "video/mp4"), Map.entry("zip", "application/zip"));

    private MediaTypes() {
    }

    public static String detect(byte[] head, String fileName) {
        return sniff(head).orElseGet(() -> byName(fileName));
    }

    public static String detect(InputStream in, String fileName) throws IOException {
        return detect(in.readNBytes(32), fileName);
    }

    public static Optional<String> sniff(byte[] head) {
        if (head.length >= 5 && new String(head, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return Optional.of(PDF);
        }
        return ImageFormat.detect(head).map(ImageFormat::mediaType);
    }

    public static String byName(String fileName) {
        String ext = extension(fileName);
        return ImageFormat.fromName(ext).map(ImageFormat::mediaType)
                .orElse(BY_EXTENSION.getOrDefault(ext, OCTET_STREAM));
    }

    /** The usual extension for a media type, without dot ({@code jpg}, {@code pdf}, {@code bin}). */
    public static String extensionFor(String mediaType) {
        Optional<ImageFormat> image = ImageFormat.fromName(mediaType);
        if (image.isPresent()) {
            return image.get().extension();
        }
        return BY_EXTENSION.entrySet().stream().filter(e -> e.getValue().equals(mediaType)).map(Map.Entry::getKey)
                .findFirst().orElse("bin");
    }

    public static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        int dot = fileName.lastIndexOf('.');
        return dot > slash ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** The file name without folder and extension: {@code in/house.jpg} gives {@code house}. */
    public static String baseName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
