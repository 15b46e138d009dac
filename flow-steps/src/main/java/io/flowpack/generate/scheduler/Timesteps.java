package io.flowpack.generate.scheduler;

/** diffusers' {@code timestep_spacing} choices, from the highest noise level down; {@code round} is numpy's (half to even). */
final class Timesteps {

    private Timesteps() {
    }

    /**
     * @param whole whether the result is cast to integers (DDIM) or kept fractional for {@code linspace} (Euler)
     */
    static double[] spaced(String spacing, int trainSteps, int steps, int stepsOffset, boolean whole) {
        double[] t = new double[steps];
        switch (spacing) {
            case "linspace" -> {
                for (int i = 0; i < steps; i++) {
                    double v = steps == 1 ? 0 : (trainSteps - 1.0) * i / (steps - 1);
                    t[steps - 1 - i] = whole ? Math.rint(v) : v;
                }
            }
            case "leading" -> {
                int ratio = trainSteps / steps;
                for (int i = 0; i < steps; i++) {
                    t[steps - 1 - i] = Math.min((double) i * ratio + stepsOffset, trainSteps - 1);
                }
            }
            case "trailing" -> {
                double ratio = (double) trainSteps / steps;
                for (int i = 0; i < steps; i++) {
                    t[i] = Math.rint(trainSteps - i * ratio) - 1;
                }
            }
            default -> throw new SchedulerConfigException("unknown timestep_spacing '" + spacing + "'");
        }
        return t;
    }

    /** Refuses more inference steps than training timesteps, as diffusers does. */
    static void checkSteps(int steps, int trainSteps) {
        if (steps < 1 || steps > trainSteps) {
            throw new SchedulerConfigException("steps must be 1…" + trainSteps + " (num_train_timesteps), got " + steps);
        }
    }
}
