package io.flowpack.comfy.nodes;

import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.nodes.animatediff.AnimateDiffNodes;
import io.flowpack.comfy.nodes.generate.GenerateNodes;
import io.flowpack.comfy.nodes.image.ImageCompositeMaskedNode;
import io.flowpack.comfy.nodes.image.ImageCropNode;
import io.flowpack.comfy.nodes.image.ImageInvertNode;
import io.flowpack.comfy.nodes.image.ImageScaleByNode;
import io.flowpack.comfy.nodes.image.ImageScaleNode;
import io.flowpack.comfy.nodes.image.LoadImageMaskNode;
import io.flowpack.comfy.nodes.image.LoadImageNode;
import io.flowpack.comfy.nodes.image.PreviewImageNode;
import io.flowpack.comfy.nodes.image.SaveImageNode;
import io.flowpack.comfy.nodes.schedule.BatchPromptScheduleNode;
import io.flowpack.comfy.nodes.steps.StepNode;
import io.flowpack.comfy.nodes.upscale.ImageUpscaleWithModelNode;
import io.flowpack.comfy.nodes.upscale.UpscaleModelLoaderNode;
import io.flowpack.engine.StepRegistry;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.step.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The nodes flowpack's graph runner offers: ComfyUI's common image nodes under their ComfyUI names, and every step
 * of a {@link StepRegistry} as a {@code flowpack.<step>} node. The runner and the deploy application build their
 * {@link NodeRegistry} here.
 */
public final class BuiltInNodes {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInNodes.class);

    private BuiltInNodes() {
    }

    /** With the process-wide ONNX sessions. */
    public static NodeRegistry create(StepRegistry steps, ModelRegistry models, Path inputDirectory) {
        return create(steps, models, ModelSessions.shared(), inputDirectory);
    }

    /**
     * @param steps          the steps to offer as nodes (in the deploy application: every step, anonymize included)
     * @param models         where {@code UpscaleModelLoader} finds its models (bundled plus the models folder)
     * @param sessions       the ONNX Runtime sessions the upscale nodes run models in
     * @param inputDirectory ComfyUI's input folder, listed (at request time) by {@code LoadImage}'s combo
     */
    public static NodeRegistry create(StepRegistry steps, ModelRegistry models, ModelSessions sessions,
                                      Path inputDirectory) {
        NodeRegistry registry = new NodeRegistry();
        registry.register(new LoadImageNode(inputDirectory));
        registry.register(new LoadImageMaskNode(inputDirectory));
        registry.register(new SaveImageNode());
        registry.register(new PreviewImageNode());
        registry.register(new ImageScaleNode());
        registry.register(new ImageScaleByNode());
        registry.register(new ImageInvertNode());
        registry.register(new ImageCropNode());
        registry.register(new ImageCompositeMaskedNode());
        registry.register(new UpscaleModelLoaderNode(models, sessions));
        registry.register(new ImageUpscaleWithModelNode());
        GenerateNodes.register(registry, models);
        registry.register(new BatchPromptScheduleNode());          // prompt travelling: one encoding per frame
        AnimateDiffNodes.register(registry, models);
        for (String name : steps.names()) {
            Step step = steps.require(name);
            try {
                registry.register(new StepNode(step, inputDirectory));
            } catch (IllegalArgumentException e) {
                LOG.warn("step '{}' is not offered as a ComfyUI node: {}", name, e.getMessage());
            }
        }
        return registry;
    }
}
