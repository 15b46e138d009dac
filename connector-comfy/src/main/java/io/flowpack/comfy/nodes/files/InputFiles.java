package io.flowpack.comfy.nodes.files;

import io.flowpack.comfy.node.NodeContext;
import io.flowpack.imaging.ImageFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files {@code LoadImage} and its kin read: listed from the input folder for the combo, and named by a widget
 * value such as {@code "photo.png"}, {@code "clipspace/mask.png"} or {@code "photo.png [output]"} (ComfyUI's
 * annotated file paths: the suffix {@code [input]}, {@code [output]} or {@code [temp]} picks the folder).
 * A value that would leave its folder ({@code ..}, absolute paths) names no file.
 */
public final class InputFiles {
    /** At most this many entries are listed, so a huge input folder cannot make {@code /object_info} unbounded. */
    public static final int MAX_LISTED = 10_000;
    private static final int MAX_DEPTH = 8;

    private InputFiles() {
    }

    /**
     * The files under {@code folder} (subfolders included, hidden entries skipped) as {@code /}-separated relative
     * paths, sorted; only images when {@code imagesOnly} (by extension, as ComfyUI filters by content type).
     */
    public static List<String> list(Path folder, boolean imagesOnly) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            walk.filter(Files::isRegularFile)
                    .map(folder::relativize)
                    .filter(relative -> !hidden(relative))
                    .map(relative -> relative.toString().replace('\\', '/'))
                    .filter(name -> !imagesOnly || isImageName(name))
                    .limit(MAX_LISTED)
                    .forEach(names::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.copyOf(names);
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /** Whether the name ends like an image file ComfyUI's content-type filter would keep. */
    public static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && ImageFormat.fromName(name.substring(dot + 1).toLowerCase(Locale.ROOT)).isPresent();
    }

    /** The file an (annotated) widget value names, if it stays inside its folder; the file may not exist. */
    public static Optional<Path> resolve(String value, NodeContext context) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value;
        Path folder = context.inputDirectory();
        if (name.endsWith("[output]")) {
            name = name.substring(0, name.length() - "[output]".length());
            folder = context.outputDirectory();
        } else if (name.endsWith("[input]")) {
            name = name.substring(0, name.length() - "[input]".length());
        } else if (name.endsWith("[temp]")) {
            name = name.substring(0, name.length() - "[temp]".length());
            folder = context.tempDirectory();
        }
        name = name.strip();
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Path base = folder.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        return file.startsWith(base) && !file.equals(base) ? Optional.of(file) : Optional.empty();
    }

    /** The file an existing widget value names, or empty when it is missing, not a file or outside its folder. */
    public static Optional<Path> existing(String value, NodeContext context) {
        return resolve(value, context).filter(Files::isRegularFile);
    }

    /** Hex SHA-256 of a file's bytes ({@code IS_CHANGED} of the load nodes). */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean hidden(Path relative) {
        for (Path element : relative) {
            if (element.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
