package io.flowpack.upscale;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleChainTest {
    private static final Set<Integer> SLIM = Set.of(2, 3, 4);
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void picksTheSmallestProductAtOrAboveTheRatioSmallestScaleFirst() {
        assertThat(ScaleChain.plan(SLIM, 2, NO_LIMIT)).containsExactly(2);
        assertThat(ScaleChain.plan(SLIM, 1.5, NO_LIMIT)).containsExactly(2);
        assertThat(ScaleChain.plan(SLIM, 3, NO_LIMIT)).containsExactly(3);
        assertThat(ScaleChain.plan(SLIM, 4, NO_LIMIT)).containsExactly(4);
        assertThat(ScaleChain.plan(SLIM, 5, NO_LIMIT)).containsExactly(2, 3);
        assertThat(ScaleChain.plan(SLIM, 8, NO_LIMIT)).containsExactly(2, 4);
        assertThat(ScaleChain.plan(Set.of(4), 8, NO_LIMIT)).containsExactly(4, 4);
        assertThat(ScaleChain.plan(Set.of(2), 8, NO_LIMIT)).containsExactly(2, 2, 2);
        assertThat(ScaleChain.plan(Set.of(4), 2, NO_LIMIT)).containsExactly(4);
    }

    @Test
    void leavesNothingToAModelWhenThereIsNothingToEnlargeAndCapsTheStages() {
        assertThat(ScaleChain.plan(SLIM, 1, NO_LIMIT)).isEmpty();
        assertThat(ScaleChain.plan(SLIM, 0.5, NO_LIMIT)).isEmpty();
        assertThat(ScaleChain.plan(Set.of(2), 100, NO_LIMIT)).isEqualTo(List.of(2, 2, 2, 2));
    }

    @Test
    void staysWithinTheLargestEnlargementTheImageLimitAllows() {
        assertThat(ScaleChain.plan(SLIM, 7, 7)).containsExactly(2, 3);
        assertThat(ScaleChain.plan(SLIM, 7, 8)).containsExactly(2, 4);
        assertThat(ScaleChain.plan(SLIM, 2, 1)).isEmpty();
        assertThat(ScaleChain.plan(Set.of(4), 3, 3)).isEmpty();
    }
}
