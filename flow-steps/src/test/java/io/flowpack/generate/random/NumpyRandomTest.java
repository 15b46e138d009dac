package io.flowpack.generate.random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reference values printed by numpy: {@code np.random.RandomState(seed).random_sample()} and {@code .randn(3)}. */
class NumpyRandomTest {

    @Test
    void matchesNumpysRandomState() {
        assertThat(new NumpyRandom(0).nextDouble()).isEqualTo(0.5488135039273248);
        // MT19937 reference: the first output of init_genrand(5489) is 3499211612
        assertThat(new NumpyRandom(5489).nextUnsignedInt()).isEqualTo(3499211612L);

        NumpyRandom zero = new NumpyRandom(0);
        assertThat(zero.nextGaussian()).isCloseTo(1.76405235, within(1e-8));
        assertThat(zero.nextGaussian()).isCloseTo(0.40015721, within(1e-8));
        assertThat(zero.nextGaussian()).isCloseTo(0.97873798, within(1e-8));

        float[] fortyTwo = new NumpyRandom(42).randn(3);
        assertThat(fortyTwo[0]).isCloseTo(0.49671415f, within(1e-7f));
        assertThat(fortyTwo[1]).isCloseTo(-0.1382643f, within(1e-7f));
        assertThat(fortyTwo[2]).isCloseTo(0.64768854f, within(1e-7f));
    }

    @Test
    void seedsOutsideNumpysRangeAreRefused() {
        assertThat(new NumpyRandom(NumpyRandom.MAX_SEED).randn(2)).hasSize(2);
        assertThatThrownBy(() -> new NumpyRandom(-1)).hasMessageContaining("between 0 and 4294967295");
        assertThatThrownBy(() -> new NumpyRandom(1L << 32)).hasMessageContaining("between 0 and 4294967295");
    }
}
