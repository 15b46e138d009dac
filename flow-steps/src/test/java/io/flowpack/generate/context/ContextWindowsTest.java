package io.flowpack.generate.context;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Context windows against windows derived by hand from AnimateDiff-Evolved's uniform and static schedules. */
class ContextWindowsTest {

    private static ContextOptions options(ContextSchedule schedule, int length, int stride, int overlap,
                                          boolean closedLoop) {
        return new ContextOptions(schedule, length, stride, overlap, closedLoop, FuseMethod.PYRAMID, false);
    }

    private static List<List<Integer>> windows(int frames, ContextOptions options, int step) {
        return ContextWindows.of(frames, options, step).stream()
                .map(w -> IntStream.of(w).boxed().toList()).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void orderedHalvingMirrorsTheStepsBits() {
        assertThat(ContextWindows.orderedHalving(0)).isEqualTo(0.0);
        assertThat(ContextWindows.orderedHalving(1)).isEqualTo(0.5);
        assertThat(ContextWindows.orderedHalving(2)).isEqualTo(0.25);
        assertThat(ContextWindows.orderedHalving(3)).isEqualTo(0.75);
        assertThat(ContextWindows.orderedHalving(4)).isEqualTo(0.125);
        assertThat(ContextWindows.orderedHalving(6)).isEqualTo(0.375);
    }

    @Test
    void loopedUniformWrapsItsLastWindowAndShiftsFromStepToStep() {
        ContextOptions looped = options(ContextSchedule.LOOPED_UNIFORM, 16, 1, 4, false);
        // step 0: starts 0, 12, 24, 36 (every 16 − 4), below 48 − 4; the last wraps to frames 0…3
        assertThat(windows(48, looped, 0)).containsExactly(range(0, 16), range(12, 28), range(24, 40),
                concat(range(36, 48), range(0, 4)));
        // step 1: shifted by round(48 · ½) = 24: starts 24, 36, 48, 60 (mod 48)
        assertThat(windows(48, looped, 1)).containsExactly(range(24, 40), concat(range(36, 48), range(0, 4)),
                range(0, 16), range(12, 28));
        // step 2: by round(48 · ¼) = 12
        assertThat(windows(48, looped, 2)).containsExactly(range(12, 28), range(24, 40),
                concat(range(36, 48), range(0, 4)), range(0, 16));
    }

    @Test
    void closedLoopAddsTheWindowsThatWrapFromTheEnd() {
        // 50 frames: open loop starts below 50 − 4 (0, 12, 24, 36); closed loop below 50 adds 48: 48, 49, 0…13
        assertThat(windows(50, options(ContextSchedule.LOOPED_UNIFORM, 16, 1, 4, false), 0)).hasSize(4);
        assertThat(windows(50, options(ContextSchedule.LOOPED_UNIFORM, 16, 1, 4, true), 0)).hasSize(5)
                .last().isEqualTo(concat(range(48, 50), range(0, 14)));
    }

    @Test
    void standardUniformSlidesWrappingWindowsBackToTheEnd() {
        ContextOptions standard = options(ContextSchedule.STANDARD_UNIFORM, 16, 1, 4, false);
        assertThat(windows(48, standard, 0)).containsExactly(range(0, 16), range(12, 28), range(24, 40),
                range(32, 48));
        assertThat(windows(48, standard, 1)).containsExactly(range(24, 40), range(32, 48), range(0, 16),
                range(12, 28));
        // 20 frames, length 8, overlap 2, step 1 (shift 10): starts 10, 16, 22: 16…23 wraps → 12…19; the next
        // window (22 → 2…9) lacks frame 0, so a window 0…7 is inserted
        assertThat(windows(20, options(ContextSchedule.STANDARD_UNIFORM, 8, 1, 2, false), 1))
                .containsExactly(range(10, 18), range(12, 20), range(0, 8), range(2, 10));
    }

    @Test
    void standardStaticWindowsAreFixedWithTheLastFlushAtTheEnd() {
        ContextOptions fixed = options(ContextSchedule.STANDARD_STATIC, 16, 1, 4, false);
        List<List<Integer>> expected = List.of(range(0, 16), range(12, 28), range(24, 40), range(32, 48));
        assertThat(windows(48, fixed, 0)).isEqualTo(expected);
        assertThat(windows(48, fixed, 5)).isEqualTo(expected);
    }

    @Test
    void oneWindowOfAllFramesUpToTheContextLength() {
        ContextOptions looped = options(ContextSchedule.LOOPED_UNIFORM, 16, 1, 4, false);
        assertThat(windows(16, looped, 3)).containsExactly(range(0, 16));
        assertThat(windows(10, looped, 0)).containsExactly(range(0, 10));
        assertThat(windows(30, null, 2)).containsExactly(range(0, 30));
        ContextOptions onEqual = new ContextOptions(ContextSchedule.STANDARD_STATIC, 16, 1, 4, false,
                FuseMethod.FLAT, true);
        assertThat(onEqual.slides(16)).isTrue();
    }

    @Test
    void pyramidWeighsFramesByTheirDistanceFromTheEdge() {
        assertThat(FuseMethod.PYRAMID.weights(16)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(FuseMethod.PYRAMID.weights(5)).containsExactly(1, 2, 3, 2, 1);
        assertThat(FuseMethod.FLAT.weights(3)).containsExactly(1, 1, 1);
        assertThatThrownBy(() -> FuseMethod.named("overlap-linear")).hasMessageContaining(
                "fuse_method 'overlap-linear' is not implemented by flowpack; use one of [pyramid, flat]");
    }

    @Test
    void fusionAveragesOverlapsByWeight() {
        WindowFusion fusion = new WindowFusion(3, 1);
        fusion.add(new int[]{0, 1}, new float[]{1, 2}, new double[]{1, 2});
        fusion.add(new int[]{1, 2}, new float[]{5, 6}, new double[]{2, 1});
        assertThat(fusion.result()).containsExactly(1f, (2 * 2 + 5 * 2) / 4f, 6f);
    }

    @Test
    void anOverlapAsLongAsTheContextIsRefused() {
        assertThatThrownBy(() -> options(ContextSchedule.LOOPED_UNIFORM, 8, 1, 8, false))
                .hasMessageContaining("context_overlap 8 must be less than context_length 8");
    }
}
