package io.flowpack.comfy.nodes.animatediff;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.generate.context.ContextOptions;
import io.flowpack.generate.context.ContextSchedule;
import io.flowpack.generate.context.FuseMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AnimateDiff-Evolved's "Context Options" nodes: {@code ADE_LoopedUniformContextOptions},
 * {@code ADE_StandardUniformContextOptions} and {@code ADE_StandardStaticContextOptions}, with ADE's inputs and
 * defaults; the output {@code CONTEXT_OPTIONS} is a {@link ContextOptions}. Without {@code fuse_method} the looped
 * variant fuses {@code flat} and the standard ones {@code pyramid} (ADE's function defaults; its widget shows
 * {@code pyramid} first). {@code start_percent} and {@code guarantee_steps} only matter for a chain of options
 * ({@code prev_context}), which flowpack refuses, as it refuses {@code view_opts}.
 */
public final class ContextOptionsNode implements ComfyNode {
    static final String CATEGORY = "Animate Diff 🎭🅐🅓/context opts";
    static final String MODULE = "custom_nodes.ComfyUI-AnimateDiff-Evolved";
    private static final List<String> FUSE_METHODS = List.of("pyramid", "flat", "overlap-linear",
            "🔬delayed reverse sawtooth", "🔬pyramid-sigma", "🔬pyramid-sigma inverse", "🔬gauss-sigma",
            "🔬gauss-sigma inverse", "🔬random");
    private static final List<String> STATIC_FUSE_METHODS = List.of("pyramid", "relative", "flat", "overlap-linear",
            "🔬delayed reverse sawtooth", "🔬pyramid-sigma", "🔬pyramid-sigma inverse", "🔬gauss-sigma",
            "🔬gauss-sigma inverse", "🔬random");

    private final ContextSchedule schedule;

    public ContextOptionsNode(ContextSchedule schedule) {
        this.schedule = schedule;
    }

    private String classType() {
        return switch (schedule) {
            case LOOPED_UNIFORM -> "ADE_LoopedUniformContextOptions";
            case STANDARD_UNIFORM -> "ADE_StandardUniformContextOptions";
            case STANDARD_STATIC -> "ADE_StandardStaticContextOptions";
        };
    }

    @Override
    public NodeDefinition definition() {
        List<InputSpec> required = new ArrayList<>();
        required.add(integer("context_length", 16, 1, 128));
        if (schedule != ContextSchedule.STANDARD_STATIC) {
            required.add(integer("context_stride", 1, 1, 32));
        }
        required.add(integer("context_overlap", 4, 0, 128));
        if (schedule == ContextSchedule.LOOPED_UNIFORM) {
            required.add(InputSpec.widget("closed_loop", "BOOLEAN", Map.of("default", false)));
        }
        Map<String, Object> percent = new LinkedHashMap<>();
        percent.put("default", 0.0);
        percent.put("min", 0.0);
        percent.put("max", 1.0);
        percent.put("step", 0.001);
        List<InputSpec> optional = List.of(
                InputSpec.combo("fuse_method", schedule == ContextSchedule.STANDARD_STATIC ? STATIC_FUSE_METHODS
                        : FUSE_METHODS, Map.of()),
                InputSpec.widget("use_on_equal_length", "BOOLEAN", Map.of("default", false)),
                InputSpec.widget("start_percent", "FLOAT", percent),
                integer("guarantee_steps", 1, 0, (1L << 53) - 1),
                InputSpec.link("prev_context", "CONTEXT_OPTIONS"),
                InputSpec.link("view_opts", "VIEW_OPTS"));
        String display = switch (schedule) {
            case LOOPED_UNIFORM -> "Context Options◆Looped Uniform 🎭🅐🅓";
            case STANDARD_UNIFORM -> "Context Options◆Standard Uniform 🎭🅐🅓";
            case STANDARD_STATIC -> "Context Options◆Standard Static 🎭🅐🅓";
        };
        return new NodeDefinition(classType(), display, CATEGORY, "", required, optional,
                List.of(new OutputSpec("CONTEXT_OPTIONS", "CONTEXT_OPTS", false)), false, false)
                .withPythonModule(MODULE);
    }

    private static InputSpec integer(String name, long defaultValue, long min, long max) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("default", defaultValue);
        options.put("min", min);
        options.put("max", max);
        return InputSpec.widget(name, "INT", options);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        String node = classType();
        NodeInputs in = new NodeInputs(node, inputs);
        for (String unsupported : List.of("prev_context", "view_opts")) {
            if (inputs.get(unsupported) != null) {
                throw new NodeException(node + ": " + unsupported + " is not supported by flowpack's AnimateDiff "
                        + "(one set of context options for all steps, no views); disconnect it", null, "ValueError");
            }
        }
        String fuse = inputs.get("fuse_method") != null ? in.text("fuse_method")
                : schedule == ContextSchedule.LOOPED_UNIFORM ? "flat" : "pyramid";
        try {
            return NodeOutput.of(new ContextOptions(schedule, in.integer("context_length"),
                    schedule == ContextSchedule.STANDARD_STATIC ? 1 : in.integer("context_stride"),
                    in.integer("context_overlap"),
                    schedule == ContextSchedule.LOOPED_UNIFORM && in.bool("closed_loop"), FuseMethod.named(fuse),
                    inputs.get("use_on_equal_length") != null && in.bool("use_on_equal_length")));
        } catch (IllegalArgumentException e) {
            throw new NodeException(node + ": " + e.getMessage(), null, "ValueError");
        }
    }
}
