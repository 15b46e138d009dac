package io.flowpack.comfy.nodes.generate;

import io.flowpack.generate.GenerationException;
import io.flowpack.generate.onnx.DiffusersFolder;
import io.flowpack.generate.onnx.DiffusersModels;
import io.flowpack.generate.onnx.DiffusersPipeline;
import io.flowpack.model.ModelRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checkpoints {@code CheckpointLoaderSimple} offers: the diffusers ONNX folders directly in the models folder
 * ({@code flowpack.models-dir}), by folder name — the same names the {@code generate} step's {@code model} takes.
 * Each folder is loaded once, on first use, and kept for the runner's life.
 */
public final class Checkpoints {
    private final ModelRegistry registry;
    private final DiffusersModels models;

    public Checkpoints(ModelRegistry registry, int threads) {
        this.registry = registry;
        this.models = new DiffusersModels(registry, threads);
    }

    /** The folder names, sorted; empty without a models folder. */
    public List<String> names() {
        Path folder = registry.folder().orElse(null);
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(DiffusersFolder::looksLike).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @throws GenerationException naming the missing or broken part */
    public Checkpoint load(String name) {
        if (!names().contains(name)) {
            throw new GenerationException("checkpoint '" + name + "' is not a diffusers ONNX folder in the models "
                    + "folder; available: " + names());
        }
        DiffusersPipeline pipeline = models.pipeline(name);
        return new Checkpoint(name, pipeline);
    }
}
