package io.flowpack.schedule;

import java.util.Arrays;

/**
 * FizzNodes' {@code pw_a}…{@code pw_d}: four numbers a prompt's back-tick expressions may use, each either one
 * value for every frame or one value per frame (from a value schedule).
 */
public final class PromptWeights {
    public static final PromptWeights NONE = constant(0, 0, 0, 0);

    private final double[][] perFrame;                 // [4][frames], or [4][1] for constants

    private PromptWeights(double[][] perFrame) {
        this.perFrame = perFrame;
    }

    public static PromptWeights constant(double a, double b, double c, double d) {
        return new PromptWeights(new double[][]{{a}, {b}, {c}, {d}});
    }

    /** One array per weight, each either of length 1 (constant) or with a value for every frame. */
    public static PromptWeights perFrame(double[] a, double[] b, double[] c, double[] d) {
        double[][] all = {a.clone(), b.clone(), c.clone(), d.clone()};
        for (double[] values : all) {
            if (values.length == 0) {
                throw new IllegalArgumentException("a prompt weight needs at least one value");
            }
        }
        return new PromptWeights(all);
    }

    /**
     * The weight {@code index} (0 = pw_a … 3 = pw_d) at a frame; a per-frame list shorter than the schedule
     * is an error, as it is in FizzNodes.
     */
    public double value(int index, int frame) {
        double[] values = perFrame[index];
        if (values.length == 1) {
            return values[0];
        }
        if (frame >= values.length) {
            throw new ScheduleException("pw_" + (char) ('a' + index) + " has " + values.length
                    + " values but frame " + frame + " needs one", 0, 0);
        }
        return values[frame];
    }

    @Override
    public String toString() {
        return "PromptWeights" + Arrays.deepToString(perFrame);
    }
}
