package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.model.ModelRegistry;

/**
 * ComfyUI's text-to-image nodes on flowpack's ONNX Stable Diffusion pipeline: CheckpointLoaderSimple,
 * CLIPTextEncode, EmptyLatentImage, KSampler, VAEDecode and VAEEncode, and ConditioningAverage. With a diffusers
 * ONNX folder in the models folder, ComfyUI's default text-to-image API workflow runs unchanged.
 */
public final class GenerateNodes {

    private GenerateNodes() {
    }

    /** Registers the nodes; checkpoints come from the models folder of {@code models}. */
    public static void register(NodeRegistry registry, ModelRegistry models) {
        registry.register(new CheckpointLoaderSimpleNode(
                new Checkpoints(models, Math.max(1, Runtime.getRuntime().availableProcessors()))));
        registry.register(new ClipTextEncodeNode());
        registry.register(new EmptyLatentImageNode());
        registry.register(new KSamplerNode());
        registry.register(new VaeDecodeNode());
        registry.register(new VaeEncodeNode());
        registry.register(new ConditioningAverageNode()); // prompt travelling: the comfy generation backend's frames
    }
}
