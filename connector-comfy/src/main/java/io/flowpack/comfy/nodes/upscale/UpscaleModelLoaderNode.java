package io.flowpack.comfy.nodes.upscale;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.model.ModelEntry;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelManifest;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.TensorSpec;
import io.flowpack.model.image.ImageToImageModel;

import java.util.List;
import java.util.Map;

/**
 * ComfyUI's {@code UpscaleModelLoader} ("Load Upscale Model"): {@code model_name} lists flowpack's super-resolution
 * models — the bundled esrgan-slim ×2/×3/×4 and those in the models folder (any model whose manifest has a scale
 * above 1, an image input, no mask input and an image output) — at request time; the output is an
 * {@link UpscaleModel}.
 */
public final class UpscaleModelLoaderNode implements ComfyNode {
    static final String MODULE = "comfy_extras.nodes_upscale_model";
    private static final String CLASS = "UpscaleModelLoader";

    private final ModelRegistry models;
    private final ModelSessions sessions;

    public UpscaleModelLoaderNode(ModelRegistry models, ModelSessions sessions) {
        this.models = models;
        this.sessions = sessions;
    }

    @Override
    public NodeDefinition definition() {
        return new NodeDefinition(CLASS, "Load Upscale Model", "loaders", "",
                List.of(InputSpec.combo("model_name", modelNames(), Map.of())), List.of(),
                List.of(OutputSpec.of("UPSCALE_MODEL")), false, false).withPythonModule(MODULE);
    }

    /** The names of the super-resolution models the registry knows, sorted. */
    public List<String> modelNames() {
        return models.names().stream()
                .filter(name -> models.find(name).map(e -> isUpscaler(e.manifest())).orElse(false))
                .toList();
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        String name = new NodeInputs(CLASS, inputs).text("model_name");
        try {
            ModelEntry entry = models.require(name);
            if (!isUpscaler(entry.manifest())) {
                throw new NodeException("model '" + name + "' is not an upscale model (task "
                        + entry.manifest().task() + ", scale " + entry.manifest().scale() + ")", null, "ValueError");
            }
            return NodeOutput.of(new UpscaleModel(name, new ImageToImageModel(sessions.get(entry))));
        } catch (ModelLoadException e) {
            throw new NodeException(e.getMessage(), e, "ValueError");
        }
    }

    static boolean isUpscaler(ModelManifest manifest) {
        return manifest.scale() > 1 && manifest.inputs(TensorSpec.IMAGE).size() == 1
                && manifest.inputs(TensorSpec.MASK).isEmpty() && manifest.output(TensorSpec.IMAGE).isPresent();
    }
}
