package io.flowpack.comfy.nodes.animatediff;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.generate.Checkpoint;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.context.ContextOptions;
import io.flowpack.generate.onnx.MotionModel;
import io.flowpack.generate.onnx.MotionSampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AnimateDiff-Evolved's Gen1 loaders, {@code ADE_AnimateDiffLoaderGen1} and the legacy
 * {@code ADE_AnimateDiffLoaderWithContext}: the MODEL out is the checkpoint with a motion model
 * ({@link MotionModels}), the context options and the motion scale attached; KSampler then samples the latent batch
 * as the frames of one animation. The motion scale is the legacy node's {@code motion_scale}, or Gen1's
 * {@code scale_multival} when a number is linked there; flowpack applies it as
 * {@code plain + scale·(motion − plain)}, {@code plain} being the checkpoint's own UNet (a whole-UNet export has no
 * separate motion module to scale). Motion LoRAs, AD settings and keyframes, sample settings, effect multivals and
 * per-block settings are accepted as links but refused when connected; {@code apply_v2_models_properly} is accepted
 * and has no effect (an export already computes what the model computes).
 */
public final class AnimateDiffLoaderNode implements ComfyNode {
    static final String GEN1 = "ADE_AnimateDiffLoaderGen1";
    static final String LEGACY = "ADE_AnimateDiffLoaderWithContext";
    private static final String CATEGORY = "Animate Diff 🎭🅐🅓/① Gen1 nodes ①";

    private final MotionModels models;
    private final boolean legacy;

    private AnimateDiffLoaderNode(MotionModels models, boolean legacy) {
        this.models = models;
        this.legacy = legacy;
    }

    /** "AnimateDiff Loader 🎭🅐🅓①". */
    public static AnimateDiffLoaderNode gen1(MotionModels models) {
        return new AnimateDiffLoaderNode(models, false);
    }

    /** "AnimateDiff Loader [Legacy] 🎭🅐🅓①" (deprecated in ADE, still run by its workflows). */
    public static AnimateDiffLoaderNode legacy(MotionModels models) {
        return new AnimateDiffLoaderNode(models, true);
    }

    private String classType() {
        return legacy ? LEGACY : GEN1;
    }

    /** The link inputs flowpack refuses when connected. */
    private List<String> unsupported() {
        return legacy ? List.of("motion_lora", "ad_settings", "sample_settings", "ad_keyframes")
                : List.of("motion_lora", "ad_settings", "ad_keyframes", "sample_settings", "effect_multival",
                "per_block");
    }

    @Override
    public NodeDefinition definition() {
        List<InputSpec> required = List.of(InputSpec.link("model", "MODEL"),
                InputSpec.combo("model_name", models.names(), Map.of()),
                InputSpec.combo("beta_schedule", BetaSchedules.CHOICES, Map.of("default", BetaSchedules.AUTOSELECT)));
        List<InputSpec> optional = new ArrayList<>();
        optional.add(InputSpec.link("context_options", "CONTEXT_OPTIONS"));
        optional.add(InputSpec.link("motion_lora", "MOTION_LORA"));
        optional.add(InputSpec.link("ad_settings", "AD_SETTINGS"));
        if (legacy) {
            optional.add(InputSpec.link("sample_settings", "SAMPLE_SETTINGS"));
            Map<String, Object> scale = new LinkedHashMap<>();
            scale.put("default", 1.0);
            scale.put("min", 0.0);
            scale.put("step", 0.001);
            optional.add(InputSpec.widget("motion_scale", "FLOAT", scale));
            optional.add(InputSpec.widget("apply_v2_models_properly", "BOOLEAN", Map.of("default", true)));
            optional.add(InputSpec.link("ad_keyframes", "AD_KEYFRAMES"));
            optional.add(new InputSpec("deprecation_warning", "ADEWARN",
                    Map.of("text", "Deprecated; use AnimateDiff Loader instead."), List.of()));
        } else {
            optional.add(InputSpec.link("ad_keyframes", "AD_KEYFRAMES"));
            optional.add(InputSpec.link("sample_settings", "SAMPLE_SETTINGS"));
            optional.add(InputSpec.link("scale_multival", "MULTIVAL"));
            optional.add(InputSpec.link("effect_multival", "MULTIVAL"));
            optional.add(InputSpec.link("per_block", "PER_BLOCK"));
        }
        return new NodeDefinition(classType(), legacy ? "AnimateDiff Loader [Legacy] 🎭🅐🅓①"
                : "AnimateDiff Loader 🎭🅐🅓①", CATEGORY, "", required, optional,
                List.of(OutputSpec.of("MODEL")), false, false).withPythonModule(ContextOptionsNode.MODULE);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        String node = classType();
        NodeInputs in = new NodeInputs(node, inputs);
        Checkpoint model = in.required("model", Checkpoint.class, "a MODEL");
        if (model.motion() != null) {
            throw error("the MODEL already has a motion model; flowpack applies one per model");
        }
        for (String input : unsupported()) {
            if (inputs.get(input) != null) {
                throw error(input + " is not supported by flowpack's AnimateDiff (an ONNX motion UNet); disconnect it");
            }
        }
        String name = in.text("model_name");
        Object options = inputs.get("context_options");
        ContextOptions contextOptions = options == null ? null
                : in.required("context_options", ContextOptions.class, "CONTEXT_OPTIONS");
        double scale = scale(in, inputs);
        try {
            MotionSampling.Betas betas = BetaSchedules.of(in.text("beta_schedule"));
            MotionModel motion = models.load(name);
            if (contextOptions != null && motion.frames() > 0 && contextOptions.length() != motion.frames()) {
                throw error("motion model '" + name + "' was exported for " + motion.frames() + " frames at a time; "
                        + "set context_length to " + motion.frames() + " (it is " + contextOptions.length() + ")");
            }
            return NodeOutput.of(model.withMotion(new MotionSampling(motion, contextOptions, scale, betas)));
        } catch (GenerationException | IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private double scale(NodeInputs in, Map<String, Object> inputs) throws NodeException {
        if (legacy) {
            return inputs.get("motion_scale") == null ? 1.0 : in.number("motion_scale");
        }
        Object multival = inputs.get("scale_multival");
        if (multival == null) {
            return 1.0;
        }
        if (multival instanceof Number number) {
            return number.doubleValue();
        }
        throw error("scale_multival must be one number on flowpack (per-frame or masked multivals are not supported)");
    }

    private NodeException error(String message) {
        return new NodeException(classType() + ": " + message, null, "ValueError");
    }
}
