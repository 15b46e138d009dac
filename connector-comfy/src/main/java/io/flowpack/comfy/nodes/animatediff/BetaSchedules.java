package io.flowpack.comfy.nodes.animatediff;

import io.flowpack.generate.onnx.MotionSampling;

import java.util.List;
import java.util.Map;

/**
 * AnimateDiff-Evolved's {@code beta_schedule} choices and the noise schedules flowpack gives them. ComfyUI's names
 * are diffusers' the other way round: ComfyUI's {@code sqrt_linear} is diffusers' {@code linear} (betas evenly from
 * 0.00085 to 0.012, what AnimateDiff was trained with), ComfyUI's {@code linear} diffusers' {@code scaled_linear}
 * (Stable Diffusion's). {@code autoselect} picks {@code sqrt_linear (AnimateDiff)}, as ADE does for SD 1.5 motion
 * modules; {@code use existing} keeps the checkpoint's schedule. The LCM and averaged schedules, {@code sqrt} and
 * {@code cosine} are listed (so workflows validate) but refused when run.
 */
final class BetaSchedules {
    static final String AUTOSELECT = "autoselect";
    static final String USE_EXISTING = "use existing";
    static final List<String> CHOICES = List.of(AUTOSELECT, USE_EXISTING, "sqrt_linear (AnimateDiff)",
            "linear (AnimateDiff-SDXL)", "linear (HotshotXL/default)", "avg(sqrt_linear,linear)",
            "lcm avg(sqrt_linear,linear)", "lcm", "lcm[100_ots]", "lcm >> sqrt_linear", "sqrt", "cosine",
            "squaredcos_cap_v2");
    private static final Map<String, MotionSampling.Betas> SUPPORTED = Map.of(
            "sqrt_linear (AnimateDiff)", new MotionSampling.Betas("linear", 0.00085, 0.012),
            "linear (AnimateDiff-SDXL)", new MotionSampling.Betas("scaled_linear", 0.00085, 0.020),
            "linear (HotshotXL/default)", new MotionSampling.Betas("scaled_linear", 0.00085, 0.012),
            "squaredcos_cap_v2", new MotionSampling.Betas("squaredcos_cap_v2", 0.00085, 0.012));

    private BetaSchedules() {
    }

    /**
     * The betas to sample with, or null to keep the checkpoint's.
     *
     * @throws IllegalArgumentException for a choice flowpack has no schedule for
     */
    static MotionSampling.Betas of(String choice) {
        if (choice.equals(USE_EXISTING)) {
            return null;
        }
        MotionSampling.Betas betas = SUPPORTED.get(choice.equals(AUTOSELECT) ? "sqrt_linear (AnimateDiff)" : choice);
        if (betas == null) {
            throw new IllegalArgumentException("beta_schedule '" + choice + "' is not implemented by flowpack; use "
                    + "autoselect, use existing, or one of " + SUPPORTED.keySet().stream().sorted().toList());
        }
        return betas;
    }
}
