package io.flowpack.comfy.nodes.animatediff;

import io.flowpack.generate.GenerationException;
import io.flowpack.generate.onnx.MotionModel;
import io.flowpack.model.ModelRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The motion models the AnimateDiff loaders offer: in the folder {@value #FOLDER} of the models folder
 * ({@code flowpack.models-dir}), each {@code <name>.onnx} file (listed with its extension) and each folder
 * {@code <name>/} holding a {@code model.onnx} (listed by the folder name, so a folder named
 * {@code mm_sd_v15_v2.ckpt} keeps workflows' {@code model_name}). Each is loaded once, on first use, and kept for the
 * runner's life.
 */
public final class MotionModels {
    /** ComfyUI's folder key and folder name for motion models. */
    public static final String FOLDER = "animatediff_models";
    private static final String FOLDER_MODEL = "model.onnx";

    private final ModelRegistry registry;
    private final int threads;
    private final Map<Path, MotionModel> loaded = new ConcurrentHashMap<>();

    public MotionModels(ModelRegistry registry, int threads) {
        this.registry = registry;
        this.threads = threads;
    }

    /** The names, sorted; empty without the folder. */
    public List<String> names() {
        Optional<Path> folder = folder();
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder.get())) {
            return children.filter(MotionModels::isModel).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @throws GenerationException for a name not in the folder or a file that is not a motion UNet export */
    public MotionModel load(String name) {
        if (!names().contains(name)) {
            throw new GenerationException("motion model '" + name + "' is not in the " + FOLDER + " folder ("
                    + folder().map(Path::toString).orElse("no models folder set: flowpack.models-dir") + "); available: "
                    + names());
        }
        Path entry = folder().orElseThrow().resolve(name);
        Path file = Files.isDirectory(entry) ? entry.resolve(FOLDER_MODEL) : entry;
        return loaded.computeIfAbsent(file, f -> MotionModel.load(f, threads));
    }

    private Optional<Path> folder() {
        return registry.folder().map(models -> models.resolve(FOLDER));
    }

    private static boolean isModel(Path path) {
        return Files.isDirectory(path) ? Files.isRegularFile(path.resolve(FOLDER_MODEL))
                : Files.isRegularFile(path) && path.getFileName().toString().endsWith(".onnx");
    }
}
