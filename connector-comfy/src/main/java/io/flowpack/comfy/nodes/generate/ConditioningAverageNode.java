package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;

import java.util.List;
import java.util.Map;

/**
 * ComfyUI's core {@code ConditioningAverage}: {@code to·s + from·(1 − s)} element by element with
 * {@code s = conditioning_to_strength} (in float32, as torch). Prompt travelling (FizzNodes) blends a frame's current
 * and next prompt so; the comfy generation backend inserts it for schedule frames between keyframes. (Added by the
 * comfy generation backend's helper, beside the sdnodes helper's nodes.)
 */
public final class ConditioningAverageNode implements ComfyNode {
    static final String CLASS = "ConditioningAverage";

    @Override
    public NodeDefinition definition() {
        return new NodeDefinition(CLASS, CLASS, "conditioning", "",
                List.of(Widgets.link("conditioning_to", "CONDITIONING", "Weighted by conditioning_to_strength."),
                        Widgets.link("conditioning_from", "CONDITIONING",
                                "Weighted by 1 − conditioning_to_strength."),
                        Widgets.decimal("conditioning_to_strength", 1.0, 0.0, 1.0, 0.01)), List.of(),
                List.of(OutputSpec.of("CONDITIONING")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        TextConditioning to = in.required("conditioning_to", TextConditioning.class, "a CONDITIONING");
        TextConditioning from = in.required("conditioning_from", TextConditioning.class, "a CONDITIONING");
        double strength = in.number("conditioning_to_strength");
        if (to.itemSize() != from.itemSize()) {
            throw new NodeException(CLASS + ": conditioning_to and conditioning_from come from different text encoders ("
                    + to.checkpoint() + ", " + from.checkpoint() + ")", null, "ValueError");
        }
        if (to.count() != from.count() && to.count() != 1 && from.count() != 1) {
            throw new NodeException(CLASS + ": conditioning_to holds " + to.count() + " encodings and conditioning_from "
                    + from.count() + "; batches must be equal or one of them 1", null, "RuntimeError");
        }
        int count = Math.max(to.count(), from.count());     // a batch of 1 is broadcast, as torch does
        return NodeOutput.of(new TextConditioning(to.checkpoint(),
                average(repeated(to, count), repeated(from, count), strength), count));
    }

    private static float[] repeated(TextConditioning conditioning, int count) {
        if (conditioning.count() == count) {
            return conditioning.hidden();
        }
        float[] out = new float[count * conditioning.hidden().length];
        for (int i = 0; i < count; i++) {
            System.arraycopy(conditioning.hidden(), 0, out, i * conditioning.hidden().length,
                    conditioning.hidden().length);
        }
        return out;
    }

    /** {@code to·s + from·(1 − s)} element by element, in float32 as torch computes it. */
    public static float[] average(float[] to, float[] from, double strength) {
        float toWeight = (float) strength;
        float fromWeight = (float) (1.0 - strength);
        float[] out = new float[to.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = to[i] * toWeight + from[i] * fromWeight;
        }
        return out;
    }
}
