package io.flowpack.comfy.nodes.files;

import io.flowpack.comfy.node.NodeException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ComfyUI's {@code get_save_image_path}: a {@code filename_prefix} such as {@code "docs/page1_clean"} becomes the
 * subfolder {@code docs} and the file stem {@code page1_clean}; {@code %width%}, {@code %height%}, {@code %year%},
 * {@code %month%}, {@code %day%}, {@code %hour%}, {@code %minute%}, {@code %second%} are replaced; the counter is one
 * more than the highest {@code <stem>_<n>…} already in the folder. A prefix that leads outside the folder is refused.
 *
 * @param folder    the folder files are written to (created)
 * @param stem      the file name before {@code _<counter>_.png}
 * @param subfolder the subfolder reported to clients ({@code ""} for none)
 * @param counter   the first free counter
 */
public record SavePaths(Path folder, String stem, String subfolder, int counter) {
    private static final int MAX_ATTEMPTS = 1000;

    /** Resolves {@code prefix} under {@code base} for images of {@code width × height}. */
    public static SavePaths of(String prefix, Path base, int width, int height) throws NodeException {
        String expanded = prefix.contains("%") ? expand(prefix, width, height, LocalDateTime.now()) : prefix;
        String normal = normpath(expanded);
        int slash = normal.lastIndexOf('/');
        String subfolder = slash < 0 ? "" : normal.substring(0, slash);
        String stem = normal.substring(slash + 1);
        Path root = base.toAbsolutePath().normalize();
        Path folder = root.resolve(subfolder).normalize();
        if (expanded.startsWith("/") || expanded.startsWith("\\") || expanded.matches("^[A-Za-z]:.*")
                || expanded.indexOf('\0') >= 0 || !folder.startsWith(root) || stem.equals("..")) {
            throw new NodeException("Saving image outside the output folder is not allowed. filename_prefix: '"
                    + prefix + "', full_output_folder: " + folder + ", output_dir: " + root, null, "Exception");
        }
        try {
            Files.createDirectories(folder);
            return new SavePaths(folder, stem, subfolder, nextCounter(folder, stem));
        } catch (IOException e) {
            throw new NodeException("cannot create the folder " + folder + ": " + e.getMessage(), e, "OSError");
        }
    }

    /** {@code <stem>_<counter:05>_.png}, with {@code %batch_num%} in the stem replaced by the batch index. */
    public String fileName(int counterValue, int batchNumber) {
        return fileName(counterValue, batchNumber, "png");
    }

    /** {@code <stem>_<counter:05>_.<extension>}, with {@code %batch_num%} replaced by the batch index. */
    public String fileName(int counterValue, int batchNumber, String extension) {
        return String.format(Locale.ROOT, "%s_%05d_.%s",
                stem.replace("%batch_num%", Integer.toString(batchNumber)), counterValue, extension);
    }

    /** A file written by {@link #write}: its name and the counter it took. */
    public record Written(String fileName, int counter) {
    }

    /**
     * Writes {@code content} under the first free name from counter {@code from} on, never replacing a file (a
     * name taken meanwhile moves the counter on).
     */
    public Written write(int from, int batchNumber, String extension, byte[] content) throws NodeException {
        for (int counterValue = from; counterValue < from + MAX_ATTEMPTS; counterValue++) {
            String name = fileName(counterValue, batchNumber, extension);
            try (OutputStream out = Files.newOutputStream(folder.resolve(name),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(content);
                return new Written(name, counterValue);
            } catch (FileAlreadyExistsException taken) {
                // next counter
            } catch (IOException e) {
                throw new NodeException("cannot write " + folder.resolve(name) + ": " + e.getMessage(), e, "OSError");
            }
        }
        throw new NodeException("no free file name for '" + stem + "' in " + folder + " after " + MAX_ATTEMPTS
                + " attempts", null, "OSError");
    }

    /** The UI entry ComfyUI reports for a written file. */
    public Map<String, Object> uiEntry(String fileName, String type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("filename", fileName);
        entry.put("subfolder", subfolder);
        entry.put("type", type);
        return entry;
    }

    static String expand(String prefix, int width, int height, LocalDateTime now) {
        return prefix.replace("%width%", Integer.toString(width))
                .replace("%height%", Integer.toString(height))
                .replace("%year%", Integer.toString(now.getYear()))
                .replace("%month%", two(now.getMonthValue()))
                .replace("%day%", two(now.getDayOfMonth()))
                .replace("%hour%", two(now.getHour()))
                .replace("%minute%", two(now.getMinute()))
                .replace("%second%", two(now.getSecond()));
    }

    /** Python's {@code os.path.normpath} for relative '/' paths: drops {@code .} and empty parts, folds {@code ..}. */
    static String normpath(String path) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    private static int nextCounter(Path folder, String stem) throws IOException {
        int highest = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.length() > stem.length() && name.startsWith(stem) && name.charAt(stem.length()) == '_') {
                    String digits = name.substring(stem.length() + 1).split("_", -1)[0];
                    highest = Math.max(highest, parse(digits));
                }
            }
        }
        return highest + 1;
    }

    private static int parse(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(digits);
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
