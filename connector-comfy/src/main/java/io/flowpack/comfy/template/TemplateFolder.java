package io.flowpack.comfy.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder where ops keep workflow templates, one {@code <name>.json} (API format) each. A template is read when
 * first used and again when its file changes.
 */
public final class TemplateFolder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    private record Loaded(FileTime modified, long size, WorkflowTemplate template) {
    }

    public TemplateFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The template {@code <name>.json}; a name is letters, digits, {@code . _ -} (no paths). */
    public WorkflowTemplate load(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new TemplateException("workflow template name '" + name
                    + "' is not allowed: use letters, digits, '.', '_' and '-' (the file <name>.json in " + dir + ")");
        }
        String fileName = name.endsWith(".json") ? name : name + ".json";
        Path file = dir.resolve(fileName);
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Loaded loaded = cache.get(name);
            if (loaded != null && loaded.modified().equals(modified) && loaded.size() == size) {
                return loaded.template();
            }
            WorkflowTemplate template = WorkflowTemplate.parse(name, file.toString(), Files.readAllBytes(file));
            cache.put(name, new Loaded(modified, size, template));
            return template;
        } catch (NoSuchFileException e) {
            throw new TemplateException("no workflow template '" + name + "': " + file + " does not exist; templates in "
                    + dir + ": " + (names().isEmpty() ? "(none)" : String.join(", ", names())));
        } catch (IOException e) {
            throw new TemplateException("workflow template '" + name + "' (" + file + ") cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Names of the templates in the folder, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
