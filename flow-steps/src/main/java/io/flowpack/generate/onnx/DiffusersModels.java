package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Diffusers ONNX folders by the {@code model} parameter, resolved as the {@link ModelRegistry} resolves model paths:
 * a name is a subfolder of the models folder ({@code flowpack.models-dir}); a path must lie inside that folder
 * unless the registry accepts any path (the command line). Each folder is loaded once and kept until
 * {@link #close()}.
 */
public final class DiffusersModels implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ModelRegistry registry;
    private final int threads;
    private final Map<Path, DiffusersPipeline> loaded = new ConcurrentHashMap<>();

    public DiffusersModels(ModelRegistry registry, int threads) {
        this.registry = registry;
        this.threads = threads;
    }

    /** The loaded pipeline of a model, loading it on first use. */
    public DiffusersPipeline pipeline(String model) {
        Path folder = resolve(model);
        return loaded.computeIfAbsent(folder, f -> DiffusersPipeline.load(new DiffusersFolder(f), threads));
    }

    /** @throws GenerationException saying how to configure a model when none or an unknown one is named */
    public Path resolve(String model) {
        if (model == null || model.isBlank()) {
            throw new GenerationException("no model configured for the onnx backend: set the parameter model to a "
                    + "diffusers ONNX folder (Stable Diffusion exported with optimum-cli export onnx), by its name in "
                    + "the models folder (" + describeFolder() + ") or by its path, e.g. model=sd15-onnx; "
                    + "see docs/GENERATE.md");
        }
        Path folder;
        if (ModelRegistry.looksLikePath(model)) {
            try {
                folder = registry.allowedPath(model);
            } catch (ModelLoadException e) {
                throw new GenerationException(e.getMessage(), e);
            }
        } else {
            if (!NAME.matcher(model).matches() || model.contains("..")) {
                throw new GenerationException("model name '" + model + "' must be letters, digits, '.', '_' or '-'");
            }
            Path models = registry.folder().orElseThrow(() -> new GenerationException("model '" + model
                    + "' cannot be found: no models folder is set (flowpack.models-dir); name the model by path "
                    + "or set the folder"));
            folder = models.resolve(model);
            if (!Files.isDirectory(folder)) {
                throw new GenerationException("no model folder '" + model + "' in the models folder " + models
                        + "; diffusers ONNX folders there: " + available(models));
            }
        }
        if (!Files.isDirectory(folder)) {
            throw new GenerationException("model " + model + " is not a folder; the onnx backend needs a diffusers "
                    + "ONNX folder (tokenizer/, text_encoder/, unet/, vae_decoder/, …)");
        }
        return folder;
    }

    private String describeFolder() {
        return registry.folder().map(Path::toString).orElse("flowpack.models-dir, not set");
    }

    private static String available(Path models) {
        try (Stream<Path> children = Files.list(models)) {
            List<String> names = children.filter(DiffusersFolder::looksLike).map(p -> p.getFileName().toString())
                    .sorted().toList();
            return names.isEmpty() ? "(none)" : String.join(", ", names);
        } catch (IOException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        loaded.values().forEach(DiffusersPipeline::close);
        loaded.clear();
    }
}
