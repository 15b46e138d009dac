package io.flowpack.anonymizer.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The YOLO models a step was pointed at, each loaded once per file version (path, size, modification time) and kept
 * until {@link #close()}, so a folder of pictures does not load the model per picture. At most {@value #MAX_KEPT}
 * are kept; further ones are loaded for the one call and closed after it, so no parameter can grow the cache without
 * bound, and a kept session is never closed while a picture uses it.
 */
public final class YoloModels implements AutoCloseable {
    static final int MAX_KEPT = 8;

    private record Version(Path path, long size, long modified) {
    }

    private final Map<Version, YoloModel> kept = new LinkedHashMap<>();
    private boolean closed;

    /** Applies {@code use} to the model at {@code path}: the kept one, or one loaded for this call. */
    public <T> T with(Path path, Function<YoloModel, T> use) {
        Version version = version(path);
        YoloModel model;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the YOLO models are closed");
            }
            model = kept.get(version);
            if (model == null && kept.size() < MAX_KEPT) {
                model = YoloModel.load(path);
                kept.put(version, model);
            }
        }
        if (model != null) {
            return use.apply(model);
        }
        try (YoloModel once = YoloModel.load(path)) {
            return use.apply(once);
        }
    }

    /** How many models are kept. */
    public synchronized int kept() {
        return kept.size();
    }

    @Override
    public void close() {
        List<YoloModel> models;
        synchronized (this) {
            closed = true;
            models = new ArrayList<>(kept.values());
            kept.clear();
        }
        models.forEach(YoloModel::close);
    }

    private static Version version(Path path) {
        Path file = path.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(file, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YOLO model " + path, e);
        }
    }
}
