package io.flowpack.generate.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The fields of diffusers' {@code scheduler/scheduler_config.json} the schedulers use. Absent fields take diffusers'
 * defaults; {@code timestepSpacing} and {@code setAlphaToOne} stay null when absent, because their default depends on
 * the scheduler (Euler: {@code linspace}; DDIM and LCM: {@code leading}; DDIM/LCM: set_alpha_to_one true).
 *
 * @param className            {@code _class_name}, e.g. {@code PNDMScheduler}; the scheduler {@code auto} picks by it
 * @param numTrainTimesteps    {@code num_train_timesteps} (1000)
 * @param betaStart            {@code beta_start} (0.0001)
 * @param betaEnd              {@code beta_end} (0.02)
 * @param betaSchedule         {@code linear}, {@code scaled_linear} or {@code squaredcos_cap_v2}
 * @param predictionType       {@code epsilon}, {@code v_prediction} or {@code sample}
 * @param timestepSpacing      {@code leading}, {@code trailing} or {@code linspace}; null: the scheduler's default
 * @param stepsOffset          {@code steps_offset} (0), added to {@code leading} timesteps
 * @param setAlphaToOne        {@code set_alpha_to_one}: the final step's ᾱ is 1 (true) or ᾱ₀ (false)
 * @param clipSample           {@code clip_sample} (DDIM): clamp the predicted x₀ to ±{@code clipSampleRange}
 * @param clipSampleRange      {@code clip_sample_range} (1.0)
 * @param originalInferenceSteps {@code original_inference_steps} (LCM, 50)
 * @param timestepScaling      {@code timestep_scaling} (LCM, 10.0)
 */
public record SchedulerConfig(String className, int numTrainTimesteps, double betaStart, double betaEnd,
                              String betaSchedule, String predictionType, String timestepSpacing, int stepsOffset,
                              Boolean setAlphaToOne, boolean clipSample, double clipSampleRange,
                              int originalInferenceSteps, double timestepScaling) {
    public static final String FILE_NAME = "scheduler_config.json";

    private static final Set<String> BETA_SCHEDULES = Set.of("linear", "scaled_linear", "squaredcos_cap_v2");
    private static final Set<String> PREDICTIONS = Set.of("epsilon", "v_prediction", "sample");
    private static final Set<String> SPACINGS = Set.of("leading", "trailing", "linspace");
    /** Stable Diffusion 1.x's values, used when a model folder has no scheduler config. */
    public static final SchedulerConfig STABLE_DIFFUSION = new SchedulerConfig("PNDMScheduler", 1000, 0.00085, 0.012,
            "scaled_linear", "epsilon", "leading", 1, false, false, 1.0, 50, 10.0);

    public SchedulerConfig {
        check(numTrainTimesteps >= 2 && numTrainTimesteps <= 100_000, "num_train_timesteps must be 2…100000, got "
                + numTrainTimesteps);
        check(BETA_SCHEDULES.contains(betaSchedule), "beta_schedule '" + betaSchedule + "' is not supported; use one of "
                + BETA_SCHEDULES);
        check(betaStart > 0 && betaEnd > 0 && betaStart < 1 && betaEnd < 1, "beta_start and beta_end must lie in (0, 1)");
        check(PREDICTIONS.contains(predictionType), "prediction_type '" + predictionType
                + "' is not supported; use one of " + PREDICTIONS);
        check(timestepSpacing == null || SPACINGS.contains(timestepSpacing), "timestep_spacing '" + timestepSpacing
                + "' is not supported; use one of " + SPACINGS);
        check(stepsOffset >= 0 && stepsOffset < numTrainTimesteps, "steps_offset must be 0…num_train_timesteps−1");
        check(originalInferenceSteps >= 1 && originalInferenceSteps <= numTrainTimesteps,
                "original_inference_steps must be 1…num_train_timesteps");
    }

    /** Reads a {@code scheduler_config.json}. */
    public static SchedulerConfig read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SchedulerConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new SchedulerConfigException(file + " is not a JSON object");
        }
        try {
            return new SchedulerConfig(json.path("_class_name").asText(""),
                    json.path("num_train_timesteps").asInt(1000), json.path("beta_start").asDouble(0.0001),
                    json.path("beta_end").asDouble(0.02), json.path("beta_schedule").asText("linear"),
                    json.path("prediction_type").asText("epsilon"),
                    json.hasNonNull("timestep_spacing") ? json.get("timestep_spacing").asText() : null,
                    json.path("steps_offset").asInt(0),
                    json.hasNonNull("set_alpha_to_one") ? json.get("set_alpha_to_one").asBoolean() : null,
                    json.path("clip_sample").asBoolean(false), json.path("clip_sample_range").asDouble(1.0),
                    json.path("original_inference_steps").asInt(50), json.path("timestep_scaling").asDouble(10.0));
        } catch (SchedulerConfigException e) {
            throw new SchedulerConfigException(file + ": " + e.getMessage());
        }
    }

    /** This config with another {@code timestep_spacing} ({@code null}: each scheduler's default). */
    public SchedulerConfig withTimestepSpacing(String spacing) {
        return new SchedulerConfig(className, numTrainTimesteps, betaStart, betaEnd, betaSchedule, predictionType,
                spacing, stepsOffset, setAlphaToOne, clipSample, clipSampleRange, originalInferenceSteps,
                timestepScaling);
    }

    /** The spacing to use: the configured one, else the scheduler's default. */
    String spacing(String schedulerDefault) {
        return timestepSpacing != null ? timestepSpacing : schedulerDefault;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new SchedulerConfigException(message);
        }
    }
}
