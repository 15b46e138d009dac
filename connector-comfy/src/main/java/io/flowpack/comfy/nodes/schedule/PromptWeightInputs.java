package io.flowpack.comfy.nodes.schedule;

import io.flowpack.comfy.node.NodeException;
import io.flowpack.schedule.PromptWeights;

import java.util.List;
import java.util.Map;

/**
 * FizzNodes' {@code pw_a}…{@code pw_d}: each a number, or one number per frame (a list, as FizzNodes'
 * {@code BatchValueSchedule} gives); absent ones are 0.
 */
final class PromptWeightInputs {
    static final List<String> NAMES = List.of("pw_a", "pw_b", "pw_c", "pw_d");

    private PromptWeightInputs() {
    }

    static PromptWeights of(String node, Map<String, Object> inputs) throws NodeException {
        double[][] values = new double[4][];
        for (int i = 0; i < 4; i++) {
            values[i] = values(node, NAMES.get(i), inputs.get(NAMES.get(i)));
        }
        return PromptWeights.perFrame(values[0], values[1], values[2], values[3]);
    }

    private static double[] values(String node, String name, Object value) throws NodeException {
        if (value == null) {
            return new double[]{0};
        }
        if (value instanceof Number number) {
            return new double[]{number.doubleValue()};
        }
        if (value instanceof float[] floats && floats.length > 0) {
            double[] out = new double[floats.length];
            for (int i = 0; i < floats.length; i++) {
                out[i] = floats[i];
            }
            return out;
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number number)) {
                    throw new NodeException(node + ": " + name + " must be numbers, got " + list.get(i), null,
                            "ValueError");
                }
                out[i] = number.doubleValue();
            }
            return out;
        }
        throw new NodeException(node + ": " + name + " must be a number or a list of numbers (one per frame), got "
                + value.getClass().getSimpleName(), null, "ValueError");
    }
}
