package io.flowpack.generate.scheduler;

import io.flowpack.generate.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Each scheduler against one step computed by hand. The schedule has 10 training timesteps and a constant β = 0.1,
 * so ᾱ_t = 0.9^(t+1) and σ_t = √((1−ᾱ_t)/ᾱ_t): σ₆ = 1.0443905310216526, σ₁ = 0.48432210483785254.
 * Every step starts at sample x = 1 with model output m = 0.5; the noise n is numpy's first
 * RandomState(0).randn() = 1.764052345967664.
 */
class SchedulersTest {
    @TempDir
    Path dir;

    private static SchedulerConfig config(String prediction, String spacing, int offset, Boolean alphaToOne) {
        return new SchedulerConfig("", 10, 0.1, 0.1, "linear", prediction, spacing, offset, alphaToOne, false, 1, 5, 10);
    }

    private static float step(NoiseScheduler scheduler, int step) {
        return scheduler.step(new float[]{0.5f}, step, new float[]{1f}, new NumpyRandom(0))[0];
    }

    @Test
    void eulerLeading() {
        NoiseScheduler euler = Schedulers.create("euler", config("epsilon", "leading", 1, null), 2);

        // leading: ratio 10 / 2 = 5, t = [0, 5] reversed + steps_offset 1 = [6, 1]
        assertThat(euler.timesteps()).containsExactly(6, 1);
        // leading: init σ = √(σmax² + 1) = √(σ₆² + 1); input scale 1/√(σ₆² + 1)
        assertThat(euler.initNoiseSigma()).isCloseTo(1.4459431459389023, within(1e-12));
        assertThat(euler.inputScale(0)).isCloseTo(0.6915901242788246, within(1e-12));
        // ε: x₀ = x − σ₆·m, d = (x − x₀)/σ₆ = m, x' = x + m·(σ₁ − σ₆) = 1 + 0.5·(0.48432… − 1.04439…)
        assertThat(step(euler, 0)).isCloseTo(0.7199657869081f, within(1e-6f));
        // last step goes to σ = 0: x' = x + m·(0 − σ₁)
        assertThat(step(euler, 1)).isCloseTo((float) (1 - 0.5 * 0.48432210483785254), within(1e-6f));
    }

    @Test
    void eulerVPredictionAndLinspace() {
        NoiseScheduler v = Schedulers.create("euler", config("v_prediction", "leading", 1, null), 2);
        // v: x₀ = m·(−σ₆/√(σ₆²+1)) + x/(σ₆²+1), d = (x − x₀)/σ₆, x' = x + d·(σ₁ − σ₆)
        assertThat(step(v, 0)).isCloseTo(0.5265608210280323f, within(1e-6f));

        NoiseScheduler linspace = Schedulers.create("euler", config("epsilon", "linspace", 1, null), 3);
        // linspace(0, 9, 3) reversed = [9, 4.5, 0]; σ at 4.5 is the mean of σ₄ and σ₅; init σ = σmax = σ₉
        assertThat(linspace.timesteps()).containsExactly(9, 4.5, 0);
        assertThat(linspace.initNoiseSigma()).isCloseTo(1.3667377183616616, within(1e-12));
        assertThat(1 / (linspace.inputScale(1) * linspace.inputScale(1)) - 1)
                .isCloseTo(0.8858740046535643 * 0.8858740046535643, within(1e-12));
    }

    @Test
    void eulerAncestral() {
        NoiseScheduler ancestral = Schedulers.create("euler_ancestral", config("epsilon", "leading", 1, null), 2);

        // σ_up = √(σ₁²(σ₆² − σ₁²)/σ₆²) = 0.42909636…, σ_down = √(σ₁² − σ_up²) = 0.22459788…
        // x' = x + m·(σ_down − σ₆) + n·σ_up = 1 + 0.5·(0.22459… − 1.04439…) + 1.76405…·0.42909…
        assertThat(step(ancestral, 0)).isCloseTo(1.3470521292991868f, within(1e-6f));
    }

    @Test
    void ddim() {
        NoiseScheduler ddim = Schedulers.create("ddim", config("epsilon", "leading", 1, false), 2);

        assertThat(ddim.timesteps()).containsExactly(6, 1);
        assertThat(ddim.initNoiseSigma()).isEqualTo(1);
        // t = 6 → t' = 6 − 10/2 = 1: x₀ = (x − √(1−ᾱ₆)·m)/√ᾱ₆, x' = √ᾱ₁·x₀ + √(1−ᾱ₁)·m
        assertThat(step(ddim, 0)).isCloseTo(1.049318039562302f, within(1e-6f));
        // t = 1 → t' = −4 < 0: the final ᾱ is ᾱ₀ = 0.9 (set_alpha_to_one false) or 1 (then x' = x₀)
        assertThat(step(ddim, 1)).isCloseTo(0.9824722905297083f, within(1e-6f));
        assertThat(step(Schedulers.create("ddim", config("epsilon", "leading", 1, true), 2), 1))
                .isCloseTo(0.8689500586921849f, within(1e-6f));
        // v: x₀ = √ᾱ₆·x − √(1−ᾱ₆)·m, ε = √ᾱ₆·m + √(1−ᾱ₆)·x, x' = √ᾱ₁·x₀ + √(1−ᾱ₁)·ε
        assertThat(step(Schedulers.create("ddim", config("v_prediction", "leading", 1, false), 2), 0))
                .isCloseTo(0.7629680942485149f, within(1e-6f));
    }

    @Test
    void lcm() {
        NoiseScheduler lcm = Schedulers.create("lcm", config("epsilon", null, 0, null), 2);

        // k = 10 / 5 = 2, origin t = [9, 7, 5, 3, 1], indices ⌊[0, 2.5]⌋ = [0, 2] → [9, 5]
        assertThat(lcm.timesteps()).containsExactly(9, 5);
        // t = 9: c_skip = 0.25/(90² + 0.25), c_out = 90/√(90² + 0.25), x₀ = (x − √(1−ᾱ₉)·m)/√ᾱ₉,
        // denoised = c_out·x₀ + c_skip·x, x' = √ᾱ₅·denoised + √(1−ᾱ₅)·n
        assertThat(step(lcm, 0)).isCloseTo(1.943921129647125f, within(1e-6f));
        // last step (t = 5, scaled 50): x' = denoised, no noise
        assertThat(step(lcm, 1)).isCloseTo(0.9023088614865424f, within(1e-6f));
    }

    @Test
    void trailingRoundsHalfToEven() {
        // arange(10, 0, −10/4 = 2.5) = [10, 7.5, 5, 2.5] → round half to even [10, 8, 5, 2] − 1
        NoiseScheduler ddim = Schedulers.create("ddim", config("epsilon", "trailing", 0, null), 4);
        assertThat(ddim.timesteps()).containsExactly(9, 7, 4, 1);
    }

    @Test
    void scaledLinearBetas() {
        // √0.01 = 0.1 … √0.09 = 0.3 in 3 steps: β = [0.01, 0.04, 0.09], ᾱ = [0.99, 0.99·0.96, 0.99·0.96·0.91]
        NoiseSchedule schedule = new NoiseSchedule(new SchedulerConfig("", 3, 0.01, 0.09, "scaled_linear", "epsilon",
                null, 0, null, false, 1, 3, 10));
        assertThat(schedule.alphaCumprod(0)).isCloseTo(0.99, within(1e-12));
        assertThat(schedule.alphaCumprod(2)).isCloseTo(0.99 * 0.96 * 0.91, within(1e-12));
    }

    @Test
    void addNoise() {
        NoiseScheduler euler = Schedulers.create("euler", config("epsilon", "leading", 1, null), 2);
        NoiseScheduler ddim = Schedulers.create("ddim", config("epsilon", "leading", 1, null), 2);
        // Euler: x + n·σ₁; DDIM: √ᾱ₁·x + √(1−ᾱ₁)·n with ᾱ₁ = 0.81
        assertThat(euler.addNoise(new float[]{1}, new float[]{2}, 1)[0]).isCloseTo(1 + 2 * 0.48432210f, within(1e-6f));
        assertThat(ddim.addNoise(new float[]{1}, new float[]{2}, 1)[0]).isCloseTo(0.9f + 2 * (float) Math.sqrt(0.19),
                within(1e-6f));
    }

    @Test
    void readsSchedulerConfigAndPicksByClassName() throws Exception {
        Path file = dir.resolve("scheduler_config.json");
        Files.writeString(file, """
                {"_class_name": "DDIMScheduler", "beta_end": 0.012, "beta_schedule": "scaled_linear",
                 "beta_start": 0.00085, "clip_sample": false, "num_train_timesteps": 1000,
                 "set_alpha_to_one": false, "steps_offset": 1, "prediction_type": "epsilon"}
                """);
        SchedulerConfig config = SchedulerConfig.read(file);

        NoiseScheduler auto = Schedulers.create("auto", config, 50);
        assertThat(auto.name()).isEqualTo("ddim");
        assertThat(auto.timesteps()).startsWith(981, 961).endsWith(21, 1);     // leading: 20·i + 1
        assertThat(Schedulers.create("EULER", config, 50).name()).isEqualTo("euler");

        assertThatThrownBy(() -> Schedulers.create("dpm++", config, 20)).hasMessageContaining("unknown scheduler 'dpm++'")
                .hasMessageContaining("euler_ancestral");
        assertThatThrownBy(() -> Schedulers.create("euler", config, 0)).hasMessageContaining("steps must be 1…1000");
        assertThatThrownBy(() -> Schedulers.create("lcm", config, 51)).hasMessageContaining("lcm takes 1…50 steps");
        Files.writeString(file, "{\"beta_schedule\": \"sigmoid\"}");
        assertThatThrownBy(() -> SchedulerConfig.read(file)).hasMessageContaining("beta_schedule 'sigmoid'");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> SchedulerConfig.read(file)).hasMessageContaining("not a JSON object");
    }
}
