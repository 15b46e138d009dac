package io.flowpack.comfy.nodes.animatediff;

import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.comfy.nodes.generate.Checkpoint;
import io.flowpack.comfy.nodes.generate.Checkpoints;
import io.flowpack.generate.context.ContextOptions;
import io.flowpack.generate.context.ContextSchedule;
import io.flowpack.generate.context.FuseMethod;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.generate.onnx.TinyMotionModels;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AnimateDiff nodes' own behaviour: context option defaults and refusals, the loader's inputs. */
class AnimateDiffNodesTest {
    @TempDir
    Path temp;

    private ContextOptions options(ContextSchedule schedule, Map<String, Object> inputs) throws NodeException {
        return (ContextOptions) new ContextOptionsNode(schedule).execute(inputs, new FolderContext(temp)).values().get(0);
    }

    @Test
    void contextOptionsTakeAdesDefaultsAndRefuseWhatFlowpackLacks() throws NodeException {
        Map<String, Object> looped = new HashMap<>(Map.of("context_length", 16, "context_stride", 1,
                "context_overlap", 4, "closed_loop", true));
        ContextOptions loopedOptions = options(ContextSchedule.LOOPED_UNIFORM, looped);
        assertThat(loopedOptions.fuse()).isEqualTo(FuseMethod.FLAT);
        assertThat(loopedOptions.closedLoop()).isTrue();
        ContextOptions fixed = options(ContextSchedule.STANDARD_STATIC, Map.of("context_length", 12,
                "context_overlap", 3));
        assertThat(fixed.fuse()).isEqualTo(FuseMethod.PYRAMID);
        assertThat(fixed.length()).isEqualTo(12);
        assertThat(new ContextOptionsNode(ContextSchedule.STANDARD_STATIC).definition().input("fuse_method").choices())
                .contains("relative");

        looped.put("fuse_method", "🔬gauss-sigma");
        assertThatThrownBy(() -> options(ContextSchedule.LOOPED_UNIFORM, looped)).isInstanceOf(NodeException.class)
                .hasMessageContaining("ADE_LoopedUniformContextOptions: fuse_method '🔬gauss-sigma' is not implemented");
        looped.put("fuse_method", "pyramid");
        looped.put("prev_context", loopedOptions);
        assertThatThrownBy(() -> options(ContextSchedule.LOOPED_UNIFORM, looped))
                .hasMessageContaining("prev_context is not supported");
        assertThatThrownBy(() -> options(ContextSchedule.STANDARD_UNIFORM, Map.of("context_length", 4,
                "context_stride", 1, "context_overlap", 4))).hasMessageContaining("must be less than context_length");
    }

    @Test
    void theLoaderAttachesTheMotionModelAndRefusesUnsupportedInputs() throws Exception {
        Path models = temp.resolve("models");
        TinyDiffusersModels.write(models.resolve("tiny"));
        TinyMotionModels.write(models.resolve("animatediff_models/mm.onnx"), 8, 0.5f, 0f);
        ModelRegistry registry = ModelRegistry.of(getClass().getClassLoader(), models);
        Checkpoint checkpoint = new Checkpoints(registry, 1).load("tiny");
        MotionModels motionModels = new MotionModels(registry, 1);
        AnimateDiffLoaderNode legacy = AnimateDiffLoaderNode.legacy(motionModels);
        Map<String, Object> inputs = new HashMap<>(Map.of("model", checkpoint, "model_name", "mm.onnx",
                "beta_schedule", "autoselect", "motion_scale", 0.75));
        Checkpoint animated = (Checkpoint) legacy.execute(inputs, new FolderContext(temp)).values().get(0);
        assertThat(animated.pipeline()).isSameAs(checkpoint.pipeline());
        assertThat(animated.motion().scale()).isEqualTo(0.75);
        assertThat(animated.motion().context()).isNull();
        assertThat(animated.motion().betas().schedule()).isEqualTo("linear");        // ComfyUI's sqrt_linear
        assertThat(checkpoint.motion()).isNull();

        inputs.put("beta_schedule", "use existing");
        assertThat(((Checkpoint) legacy.execute(inputs, new FolderContext(temp)).values().get(0)).motion().betas())
                .isNull();
        inputs.put("beta_schedule", "lcm");
        assertThatThrownBy(() -> legacy.execute(inputs, new FolderContext(temp)))
                .hasMessageContaining("beta_schedule 'lcm' is not implemented by flowpack");
        inputs.put("beta_schedule", "autoselect");
        inputs.put("motion_lora", new Object());
        assertThatThrownBy(() -> legacy.execute(inputs, new FolderContext(temp)))
                .hasMessageContaining("ADE_AnimateDiffLoaderWithContext: motion_lora is not supported");
        inputs.remove("motion_lora");
        inputs.put("model", animated);
        assertThatThrownBy(() -> legacy.execute(inputs, new FolderContext(temp)))
                .hasMessageContaining("already has a motion model");

        AnimateDiffLoaderNode gen1 = AnimateDiffLoaderNode.gen1(motionModels);
        Map<String, Object> gen1Inputs = new HashMap<>(Map.of("model", checkpoint, "model_name", "gone.onnx",
                "beta_schedule", "autoselect"));
        assertThatThrownBy(() -> gen1.execute(gen1Inputs, new FolderContext(temp)))
                .hasMessageContaining("motion model 'gone.onnx' is not in the animatediff_models folder")
                .hasMessageContaining("available: [mm.onnx]");
        gen1Inputs.put("model_name", "mm.onnx");
        gen1Inputs.put("scale_multival", 1.5);
        assertThat(((Checkpoint) gen1.execute(gen1Inputs, new FolderContext(temp)).values().get(0)).motion().scale())
                .isEqualTo(1.5);
        assertThat(gen1.definition().optional().stream().map(i -> i.name())).containsExactly("context_options",
                "motion_lora", "ad_settings", "ad_keyframes", "sample_settings", "scale_multival", "effect_multival",
                "per_block");
    }
}
