package io.flowpack.comfy.nodes.schedule;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.generate.Checkpoint;
import io.flowpack.comfy.nodes.generate.ConditioningAverageNode;
import io.flowpack.comfy.nodes.generate.Latent;
import io.flowpack.comfy.nodes.generate.TextConditioning;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.onnx.LatentSampling;
import io.flowpack.schedule.FramePrompt;
import io.flowpack.schedule.PromptSchedule;
import io.flowpack.schedule.ScheduleException;
import io.flowpack.schedule.ScheduleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FizzNodes' {@code BatchPromptSchedule} ("Batch Prompt Schedule 📅🅕🅝"): the keyframe text is read by
 * {@link PromptSchedule} (FizzNodes' syntax), every distinct prompt is encoded once by the checkpoint's text encoder,
 * and frames {@code start_frame … end_frame − 1} ({@code end_frame} 0: {@code max_frames}; a start not below the end:
 * 0) become one CONDITIONING batch each for POS and NEG, frame by frame
 * {@code weight·enc(current) + (1 − weight)·enc(next)} in float32 as FizzNodes' {@code addWeighted}. The batch
 * conditions a latent batch of as many frames (KSampler uses encoding i for latent i).
 */
public final class BatchPromptScheduleNode implements ComfyNode {
    static final String CLASS = "BatchPromptSchedule";
    /** The most frames one batch may hold (as many latents as {@code EmptyLatentImage} makes at most). */
    static final int MAX_FRAMES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(BatchPromptScheduleNode.class);
    private static final String DEFAULT_TEXT = String.join(",\n", List.of("\"0\" :\"\"", "\"11\" :\"\"",
            "\"23\" :\"\"", "\"35\" :\"\"", "\"47\" :\"\"", "\"59\" :\"\"", "\"71\" :\"\"", "\"83\" :\"\"",
            "\"95\" :\"\"", "\"107\" :\"\"", "\"119\" :\"\"")) + "\n";

    @Override
    public NodeDefinition definition() {
        List<InputSpec> optional = new ArrayList<>();
        optional.add(forcedString("pre_text"));
        optional.add(forcedString("app_text"));
        optional.add(frameWidget("start_frame"));
        optional.add(frameWidget("end_frame"));
        for (String weight : PromptWeightInputs.NAMES) {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("default", 0.0);
            options.put("min", -9999.0);
            options.put("max", 9999.0);
            options.put("step", 0.1);
            options.put("forceInput", true);
            optional.add(InputSpec.widget(weight, "FLOAT", options));
        }
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("multiline", true);
        text.put("default", DEFAULT_TEXT);
        Map<String, Object> maxFrames = new LinkedHashMap<>();
        maxFrames.put("default", 120.0);
        maxFrames.put("min", 1.0);
        maxFrames.put("max", 999999.0);
        maxFrames.put("step", 1.0);
        return new NodeDefinition(CLASS, "Batch Prompt Schedule 📅🅕🅝", "FizzNodes 📅🅕🅝/BatchScheduleNodes", "",
                List.of(InputSpec.widget("text", "STRING", text), InputSpec.link("clip", "CLIP"),
                        InputSpec.widget("max_frames", "INT", maxFrames),
                        InputSpec.widget("print_output", "BOOLEAN", Map.of("default", false))),
                optional, List.of(new OutputSpec("CONDITIONING", "POS", false), new OutputSpec("CONDITIONING", "NEG", false)),
                false, false).withPythonModule("custom_nodes.ComfyUI_FizzNodes");
    }

    private static InputSpec forcedString(String name) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("multiline", true);
        options.put("forceInput", true);
        return InputSpec.widget(name, "STRING", options);
    }

    private static InputSpec frameWidget(String name) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("default", 0);
        options.put("min", 0);
        options.put("max", 9999);
        options.put("step", 1);
        options.put("display", name + "(print_only)");
        return InputSpec.widget(name, "INT", options);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        Checkpoint clip = in.required("clip", Checkpoint.class, "a CLIP");
        int maxFrames = in.integer("max_frames");
        boolean print = in.bool("print_output");
        int start = inputs.get("start_frame") == null ? 0 : in.integer("start_frame");
        int end = inputs.get("end_frame") == null ? 0 : in.integer("end_frame");
        if (end == 0) {
            end = maxFrames;
        }
        if (start >= end) {
            start = 0;
        }
        if (end > maxFrames) {
            throw error("end_frame " + end + " is beyond max_frames " + maxFrames, "IndexError");
        }
        if (end - start > MAX_FRAMES) {
            throw error((end - start) + " frames are more than the " + MAX_FRAMES + " one batch may hold; lower "
                    + "max_frames or encode a part with start_frame and end_frame", "ValueError");
        }
        PromptSchedule schedule;
        try {
            schedule = PromptSchedule.parse(new ScheduleSettings(in.text("text"), maxFrames, optionalText(in, inputs, "pre_text"),
                    optionalText(in, inputs, "app_text"), PromptWeightInputs.of(CLASS, inputs)));
        } catch (ScheduleException e) {
            throw error(e.getMessage(), "ValueError");
        }
        FrameEncoder encoder = new FrameEncoder(clip);
        try {
            for (int f = start; f < end; f++) {
                context.checkInterrupted();
                FramePrompt frame = schedule.frame(f);
                if (print) {
                    LOG.info("{}: frame {} of {}: current '{}', next '{}', strength {}; negative current '{}', next '{}'",
                            CLASS, f, maxFrames, frame.currentPositive(), frame.nextPositive(), frame.weight(),
                            frame.currentNegative(), frame.nextNegative());
                }
                encoder.add(frame, end - start);
            }
        } catch (ScheduleException e) {
            throw error(e.getMessage(), "ValueError");
        } catch (GenerationException e) {
            throw error(e.getMessage(), "RuntimeError");
        }
        return NodeOutput.of(encoder.positive(), encoder.negative());
    }

    private static String optionalText(NodeInputs in, Map<String, Object> inputs, String name) throws NodeException {
        return inputs.get(name) == null ? "" : in.text(name);
    }

    private static NodeException error(String message, String type) {
        return new NodeException(CLASS + ": " + message, null, type);
    }

    /** Encodes each distinct prompt once and lays the blended frames out one after another. */
    private static final class FrameEncoder {
        private final Checkpoint clip;
        private final Map<String, float[]> encodings = new HashMap<>();
        private float[] positive;
        private float[] negative;
        private int frames;

        FrameEncoder(Checkpoint clip) {
            this.clip = clip;
        }

        void add(FramePrompt frame, int total) {
            float[] pos = ConditioningAverageNode.average(encode(frame.currentPositive()), encode(frame.nextPositive()),
                    frame.weight());
            float[] neg = ConditioningAverageNode.average(encode(frame.currentNegative()), encode(frame.nextNegative()),
                    frame.weight());
            if (positive == null) {
                if ((long) total * pos.length > Latent.MAX_VALUES) {
                    throw new GenerationException(total + " frames of " + pos.length + " values are more than the "
                            + "limit of " + Latent.MAX_VALUES + "; encode fewer frames at once");
                }
                positive = new float[total * pos.length];
                negative = new float[total * neg.length];
            }
            System.arraycopy(pos, 0, positive, frames * pos.length, pos.length);
            System.arraycopy(neg, 0, negative, frames * neg.length, neg.length);
            frames++;
        }

        private float[] encode(String prompt) {
            return encodings.computeIfAbsent(prompt, p -> LatentSampling.encodeText(clip.pipeline(), p));
        }

        TextConditioning positive() {
            return new TextConditioning(clip.name(), positive, frames);
        }

        TextConditioning negative() {
            return new TextConditioning(clip.name(), negative, frames);
        }
    }
}
