package io.flowpack.imaging;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The raster formats flowpack reads; {@link #writable()} tells which it also writes. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", true, Set.of("jpeg", "jpe", "jfif", "image/jpg", "image/pjpeg")),
    PNG("image/png", "png", true, Set.of("image/x-png")),
    TIFF("image/tiff", "tif", true, Set.of("tiff", "image/tiff-fx")),
    WEBP("image/webp", "webp", false, Set.of()),
    BMP("image/bmp", "bmp", false, Set.of("dib", "image/x-bmp", "image/x-ms-bmp", "image/x-windows-bmp")),
    GIF("image/gif", "gif", false, Set.of());

    private final String mediaType;
    private final String extension;
    private final boolean writable;
    private final Set<String> aliases;

    ImageFormat(String mediaType, String extension, boolean writable, Set<String> aliases) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.writable = writable;
        this.aliases = aliases;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether {@link ImageEncoder} can write this format. */
    public boolean writable() {
        return writable;
    }

    /** Recognises a format by the magic bytes at the start of the content (the first 32 bytes are enough). */
    public static Optional<ImageFormat> detect(byte[] head) {
        if (head == null) {
            return Optional.empty();
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        // classic TIFF (42) and BigTIFF (43), both byte orders
        if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)
                || startsWith(head, 'I', 'I', 43, 0) || startsWith(head, 'M', 'M', 0, 43)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(head, 'B', 'M') && isBmpInfoHeaderSize(head)) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    /**
     * Finds a format by a name, media type, extension or file name, ignoring case:
     * {@code "png"}, {@code "image/png"}, {@code ".JPG"}, {@code "jpeg"}, {@code "tif"}, {@code "scan.tiff"}.
     */
    public static Optional<ImageFormat> fromName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toLowerCase(Locale.ROOT);
        int parameters = name.indexOf(';');                  // "image/jpeg; q=0.9"
        if (parameters >= 0) {
            name = name.substring(0, parameters).trim();
        }
        if (!name.contains("/") && name.contains(".")) {      // ".jpg", "photo.jpg"
            name = name.substring(name.lastIndexOf('.') + 1);
        }
        for (ImageFormat format : values()) {
            if (name.equals(format.name().toLowerCase(Locale.ROOT)) || name.equals(format.mediaType)
                    || name.equals(format.extension) || format.aliases.contains(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** "BM" alone is too weak (a text may start with it): also require a known DIB header size at offset 14. */
    private static boolean isBmpInfoHeaderSize(byte[] head) {
        if (head.length < 18) {
            return false;
        }
        int size = (head[14] & 0xFF) | (head[15] & 0xFF) << 8 | (head[16] & 0xFF) << 16 | (head[17] & 0xFF) << 24;
        return Set.of(12, 16, 40, 52, 56, 64, 108, 124).contains(size);
    }
}
