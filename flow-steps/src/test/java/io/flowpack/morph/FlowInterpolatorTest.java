package io.flowpack.morph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowInterpolatorTest {
    private static final int W = 160;
    private static final int H = 120;

    @Test
    void predictsTheMiddleOfAKnownShiftFarBetterThanACrossFade() throws Exception {
        RgbFrame a = SyntheticFrames.texture(W, H, 0, 0);
        RgbFrame b = SyntheticFrames.texture(W, H, 10, 4);
        RgbFrame truth = SyntheticFrames.texture(W, H, 5, 2);

        int[] flow = new FlowInterpolator(true).between(a, b).frame(0.5);
        int[] fade = new CrossfadeInterpolator().between(a, b).frame(0.5);

        // inside a margin: at the border the shifted-in content exists in one keyframe only
        double flowPsnr = SyntheticFrames.psnr(flow, truth.pixels(), W, 12, 12, W - 12, H - 12);
        double fadePsnr = SyntheticFrames.psnr(fade, truth.pixels(), W, 12, 12, W - 12, H - 12);
        System.out.printf("shift (10,4), middle frame: flow %.2f dB, cross-fade %.2f dB%n", flowPsnr, fadePsnr);
        assertThat(flowPsnr).isGreaterThan(32);
        assertThat(flowPsnr).isGreaterThan(fadePsnr + 10);
    }

    @Test
    void quarterAndThreeQuarterFramesFollowTheMotion() throws Exception {
        RgbFrame a = SyntheticFrames.texture(W, H, 0, 0);
        RgbFrame b = SyntheticFrames.texture(W, H, -8, 8);
        Interpolator.Transition transition = new FlowInterpolator(true).between(a, b);
        for (double t : new double[]{0.25, 0.75}) {
            int[] frame = transition.frame(t);
            RgbFrame truth = SyntheticFrames.texture(W, H, -8 * t, 8 * t);
            assertThat(SyntheticFrames.psnr(frame, truth.pixels(), W, 12, 12, W - 12, H - 12))
                    .as("t=%s", t).isGreaterThan(30);
        }
    }

    @Test
    void occlusionHandlingKeepsTheEdgesOfAMovingSquareSharp() throws Exception {
        int w = 320;
        int h = 240;
        int size = 64;
        RgbFrame a = SyntheticFrames.squareOver(w, h, size, 100, 80);
        RgbFrame b = SyntheticFrames.squareOver(w, h, size, 120, 80);
        RgbFrame truth = SyntheticFrames.squareOver(w, h, size, 110, 80);

        int[] handled = new FlowInterpolator(true).between(a, b).frame(0.5);
        int[] naive = new FlowInterpolator(false).between(a, b).frame(0.5);
        int[] fade = new CrossfadeInterpolator().between(a, b).frame(0.5);

        // the band the square sweeps over, plus a margin: where occlusion and disocclusion happen
        int x0 = 90;
        int x1 = 120 + size + 10;
        int y0 = 70;
        int y1 = 80 + size + 10;
        double withCheck = SyntheticFrames.psnr(handled, truth.pixels(), w, x0, y0, x1, y1);
        double without = SyntheticFrames.psnr(naive, truth.pixels(), w, x0, y0, x1, y1);
        double crossfade = SyntheticFrames.psnr(fade, truth.pixels(), w, x0, y0, x1, y1);
        System.out.printf("moving square, middle frame around the square: occlusion-aware %.2f dB, "
                + "without the check %.2f dB, cross-fade %.2f dB%n", withCheck, without, crossfade);
        assertThat(withCheck).isGreaterThan(without + 1);
        assertThat(withCheck).isGreaterThan(crossfade + 5);
        assertThat(withCheck).isGreaterThan(25);
    }

    @Test
    void unrelatedKeyframesDissolveInsteadOfTearingOrCutting() throws Exception {
        RgbFrame a = SyntheticFrames.texture(W, H, 0, 0);
        int[] other = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                other[y * W + x] = SyntheticFrames.foreground(x * 1.7, y * 1.3) ^ 0x3f3f3f;
            }
        }
        RgbFrame b = new RgbFrame(W, H, other);
        Interpolator.Transition transition = new FlowInterpolator(true).between(a, b);
        Interpolator.Transition fade = new CrossfadeInterpolator().between(a, b);
        for (double t : new double[]{0.1, 0.5, 0.9}) {
            assertThat(transition.frame(t)).as("t=%s", t).containsExactly(fade.frame(t));
        }
        assertThat(transition.describe()).startsWith("cross-fade: unrelated keyframes (");
    }

    @Test
    void motionConfidenceRampsFromCrossFadeToFlow() {
        assertThat(FlowInterpolator.motion(0.1)).isZero();
        assertThat(FlowInterpolator.motion(0.35)).isZero();
        assertThat(FlowInterpolator.motion(0.5)).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(FlowInterpolator.motion(0.9)).isEqualTo(1f);
    }
}
