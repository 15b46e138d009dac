package io.flowpack.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The models flowpack can run, by name: those bundled on the class path ({@link BundledModels}) and those in the
 * models folder (one subfolder per model with {@code manifest.json} and the model file). A folder model replaces
 * a bundled one of the same name. Models outside both are reached by path ({@link #resolve}).
 *
 * <p>The models folder is re-read when a name is not found, so a model dropped in while flowpack runs is seen.
 */
public final class ModelRegistry {
    /** System property naming the models folder, until the Spring property {@code flowpack.models-dir} is wired. */
    public static final String MODELS_DIR_PROPERTY = "flowpack.models-dir";
    /** System property: whether a model may be named by any path (the CLI), or only inside the models folder. */
    public static final String ANY_PATH_PROPERTY = "flowpack.models-any-path";

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final Pattern SCALED = Pattern.compile("(.+)-x(\\d+)");

    private final Map<String, ModelEntry> bundled;
    private final Map<String, String> broken = new ConcurrentHashMap<>();
    private final Path folder;
    private final boolean anyPath;
    private volatile Map<String, ModelEntry> inFolder = Map.of();

    private ModelRegistry(ClassLoader loader, Path folder, boolean anyPath) {
        this.bundled = loadBundled(loader);
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.anyPath = anyPath;
        rescanFolder();
    }

    /** Bundled models plus the folder named by the system property {@value #MODELS_DIR_PROPERTY}, if set. */
    public static ModelRegistry standard() {
        String dir = System.getProperty(MODELS_DIR_PROPERTY);
        return of(ModelRegistry.class.getClassLoader(), dir == null || dir.isBlank() ? null : Path.of(dir),
                Boolean.getBoolean(ANY_PATH_PROPERTY));
    }

    /** A registry that accepts model paths anywhere (tests, embedding code). */
    public static ModelRegistry of(ClassLoader loader, Path folder) {
        return of(loader, folder, true);
    }

    /**
     * @param folder  the models folder, or null for bundled models only
     * @param anyPath whether {@link #resolve} accepts a path outside the folder; a server taking parameters from
     *                requests sets false, so a caller cannot make it load an arbitrary file
     */
    public static ModelRegistry of(ClassLoader loader, Path folder, boolean anyPath) {
        return new ModelRegistry(loader, folder, anyPath);
    }

    public Optional<ModelEntry> find(String name) {
        ModelEntry entry = inFolder.get(name);
        if (entry == null && !bundled.containsKey(name) && folder != null) {
            rescanFolder();
            entry = inFolder.get(name);
        }
        return Optional.ofNullable(entry != null ? entry : bundled.get(name));
    }

    /** @throws ModelLoadException naming the known models, or the reason a bundled manifest was refused */
    public ModelEntry require(String name) {
        return find(name).orElseThrow(() -> broken.containsKey(name)
                ? new ModelLoadException(broken.get(name))
                : new ModelLoadException("unknown model '" + name + "'; known models: "
                        + (names().isEmpty() ? "(none)" : String.join(", ", names()))
                        + (folder == null ? "; no models folder is set (system property " + MODELS_DIR_PROPERTY + ")"
                        : "; models folder: " + folder)));
    }

    /**
     * A registered name, or a path: a manifest ({@code .json}), or a model file ({@code .onnx}) with its manifest
     * beside it as {@code <stem>.json}, {@code <stem>.manifest.json} or a {@code manifest.json} naming that file.
     */
    public ModelEntry resolve(String nameOrPath) {
        return looksLikePath(nameOrPath) ? fromPath(allowedPath(nameOrPath)) : require(nameOrPath);
    }

    /**
     * The path of a model file named by a parameter, if this registry allows it: inside the models folder, or
     * anywhere when the registry was made for the command line.
     *
     * @throws ModelLoadException for a path outside the models folder of a server registry
     */
    public Path allowedPath(String path) {
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!anyPath && (folder == null || !file.startsWith(folder))) {
            throw new ModelLoadException("model path '" + path + "' is outside the models folder ("
                    + (folder == null ? "none set" : folder) + "); put the model there and name it, or allow any path"
                    + " with the system property " + ANY_PATH_PROPERTY + "=true (the command line does)");
        }
        return file;
    }

    /** The models named {@code <family>-x<scale>} (e.g. esrgan-slim-x2, -x3, -x4), by scale. */
    public Map<Integer, ModelEntry> family(String family) {
        Map<Integer, ModelEntry> members = new TreeMap<>();
        for (String name : names()) {
            Matcher m = SCALED.matcher(name);
            if (m.matches() && m.group(1).equals(family)) {
                find(name).ifPresent(e -> members.put(Integer.parseInt(m.group(2)), e));
            }
        }
        return members;
    }

    /** Every known name, sorted. */
    public List<String> names() {
        TreeMap<String, ModelEntry> all = new TreeMap<>(bundled);
        all.putAll(inFolder);
        return List.copyOf(all.keySet());
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** A model outside the registry, from a manifest path or a model path with its manifest beside it. */
    public static ModelEntry fromPath(Path path) {
        Path file = path.toAbsolutePath().normalize();
        Path manifestPath = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? file : manifestBeside(file);
        ModelManifest manifest = ManifestReader.read(manifestPath);
        return new ModelEntry(manifest, new ModelFile.OnDisk(manifestPath.resolveSibling(manifest.file())),
                ModelEntry.PATH);
    }

    /** Whether a model parameter names a file rather than a registered model. */
    public static boolean looksLikePath(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return value.contains("/") || value.contains("\\") || lower.endsWith(".onnx") || lower.endsWith(".json");
    }

    private static Path manifestBeside(Path model) {
        String fileName = model.getFileName().toString();
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        List<Path> candidates = List.of(model.resolveSibling(stem + ".json"),
                model.resolveSibling(stem + ".manifest.json"), model.resolveSibling(ModelManifest.FILE_NAME));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)
                    && (!candidate.getFileName().toString().equals(ModelManifest.FILE_NAME)
                    || ManifestReader.read(candidate).file().equals(fileName))) {
                return candidate;
            }
        }
        throw new ModelLoadException("no manifest beside model file " + model + "; looked for "
                + candidates.stream().map(p -> p.getFileName().toString()).toList()
                + " (a manifest.json must name the file in its \"file\" field)");
    }

    private Map<String, ModelEntry> loadBundled(ClassLoader loader) {
        Map<String, ModelEntry> entries = new LinkedHashMap<>();
        try {
            for (String name : BundledModels.names(loader)) {
                String resource = BundledModels.manifestResource(name);
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        broken.put(name, "model '" + name + "' is listed in " + BundledModels.INDEX
                                + " but its manifest " + resource + " is not on the class path");
                        LOG.warn(broken.get(name));
                        continue;
                    }
                    ModelManifest manifest = ManifestReader.read(in, "classpath:" + resource);
                    String file = BundledModels.ROOT + name + "/" + manifest.file();
                    entries.put(manifest.name(), new ModelEntry(manifest, new ModelFile.OnClasspath(loader, file),
                            ModelEntry.BUNDLED));
                } catch (ModelLoadException e) {
                    broken.put(name, e.getMessage());
                    LOG.warn("bundled model skipped: {}", e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list bundled models: {}", e.getMessage());
        }
        return Map.copyOf(entries);
    }

    private synchronized void rescanFolder() {
        if (folder == null) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            LOG.warn("models folder {} does not exist", folder);
            inFolder = Map.of();
            return;
        }
        Map<String, ModelEntry> entries = new TreeMap<>();
        List<Path> manifests = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            children.map(child -> child.resolve(ModelManifest.FILE_NAME)).filter(Files::isRegularFile)
                    .sorted().forEach(manifests::add);
        } catch (IOException e) {
            LOG.warn("cannot list models folder {}: {}", folder, e.getMessage());
        }
        for (Path manifestPath : manifests) {
            try {
                ModelManifest manifest = ManifestReader.read(manifestPath);
                entries.put(manifest.name(), new ModelEntry(manifest,
                        new ModelFile.OnDisk(manifestPath.resolveSibling(manifest.file())), ModelEntry.FOLDER));
                broken.remove(manifestPath.getParent().getFileName().toString());
            } catch (ModelLoadException e) {
                String name = manifestPath.getParent().getFileName().toString();
                broken.put(name, e.getMessage());
                LOG.warn("model in folder skipped: {}", e.getMessage());
            }
        }
        inFolder = Map.copyOf(entries);
    }
}
