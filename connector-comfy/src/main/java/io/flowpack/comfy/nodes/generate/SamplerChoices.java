package io.flowpack.comfy.nodes.generate;

import io.flowpack.generate.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/**
 * The KSampler combos flowpack honours, and what they map to in flowpack's ONNX pipeline. ComfyUI's other names are
 * not listed, so a prompt using one gets the runner's {@code value_not_in_list} validation error.
 */
final class SamplerChoices {
    /**
     * {@code sampler_name}: flowpack's schedulers ({@link Schedulers#NAMES}) carry ComfyUI's names for the same
     * samplers: euler, euler_ancestral, ddim, lcm.
     */
    static final List<String> SAMPLER_NAMES = Schedulers.NAMES;

    /**
     * {@code scheduler}: ComfyUI's sigma schedule → diffusers' {@code timestep_spacing}. {@code normal} spaces the
     * timesteps evenly from the highest to the lowest ({@code linspace}); {@code simple} and {@code sgm_uniform} take
     * every (N/steps)-th from the top ({@code trailing}); {@code ddim_uniform} every (N/steps)-th from the bottom
     * ({@code leading}). karras, exponential, beta, linear_quadratic and kl_optimal have no counterpart.
     */
    static final Map<String, String> SPACINGS = Map.of(
            "normal", "linspace",
            "simple", "trailing",
            "sgm_uniform", "trailing",
            "ddim_uniform", "leading");
    static final List<String> SCHEDULER_NAMES = List.of("normal", "simple", "sgm_uniform", "ddim_uniform");

    private SamplerChoices() {
    }
}
