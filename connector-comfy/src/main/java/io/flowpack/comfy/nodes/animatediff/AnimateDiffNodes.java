package io.flowpack.comfy.nodes.animatediff;

import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.generate.context.ContextSchedule;
import io.flowpack.model.ModelRegistry;

/**
 * AnimateDiff-Evolved's nodes on flowpack's ONNX pipeline: the context options (looped uniform, standard uniform,
 * standard static) and the Gen1 loaders (current and legacy), motion models from the models folder's
 * {@value MotionModels#FOLDER}.
 */
public final class AnimateDiffNodes {

    private AnimateDiffNodes() {
    }

    public static void register(NodeRegistry registry, ModelRegistry models) {
        MotionModels motionModels = new MotionModels(models, Math.max(1, Runtime.getRuntime().availableProcessors()));
        registry.register(new ContextOptionsNode(ContextSchedule.LOOPED_UNIFORM));
        registry.register(new ContextOptionsNode(ContextSchedule.STANDARD_UNIFORM));
        registry.register(new ContextOptionsNode(ContextSchedule.STANDARD_STATIC));
        registry.register(AnimateDiffLoaderNode.gen1(motionModels));
        registry.register(AnimateDiffLoaderNode.legacy(motionModels));
    }
}
