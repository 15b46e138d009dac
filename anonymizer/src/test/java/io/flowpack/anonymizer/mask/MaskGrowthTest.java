package io.flowpack.anonymizer.mask;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Growing and feathering synthetic masks. */
class MaskGrowthTest {
    private static final int W = 41;
    private static final int H = 41;

    @Test
    void theDistanceTransformIsEuclidean() {
        boolean[] set = new boolean[W * H];
        set[20 * W + 20] = true;

        float[] d = DistanceTransform.squared(set, W, H);

        assertThat(d[20 * W + 20]).isZero();
        assertThat(d[20 * W + 23]).isEqualTo(9f);
        assertThat(d[24 * W + 23]).isEqualTo(25f); // 3² + 4²
        assertThat(d[0]).isEqualTo(800f);
    }

    @Test
    void growingByARadiusWithoutFeatherGivesAHardDisc() {
        byte[] mask = grow(centre(), 5, 0);

        assertThat(at(mask, 25, 20)).isEqualTo(255);
        assertThat(at(mask, 26, 20)).isZero();
        assertThat(at(mask, 24, 23)).isEqualTo(255); // distance 5
        assertThat(at(mask, 24, 24)).isZero();       // distance 5.66: a disc, not a square
    }

    @Test
    void theFeatherFallsLinearlyBeyondTheRadius() {
        byte[] mask = grow(centre(), 5, 4);

        assertThat(at(mask, 25, 20)).isEqualTo(255);
        assertThat(at(mask, 27, 20)).isEqualTo(128); // 2 of 4 feather pixels left: (9 − 7) / 4
        assertThat(at(mask, 29, 20)).isZero();
        for (int x = 25; x < 29; x++) {
            assertThat(at(mask, x + 1, 20)).isLessThan(at(mask, x, 20));
        }
    }

    @Test
    void growingKeepsTheBrighterValueOfTheTarget() {
        byte[] mask = new byte[W * H];
        mask[0] = (byte) 200;

        MaskGrowth.growInto(centre(), W, H, 2, 0, mask, W, 0, 0);

        assertThat(at(mask, 0, 0)).isEqualTo(200);
        assertThat(at(mask, 20, 20)).isEqualTo(255);
    }

    private static boolean[] centre() {
        boolean[] core = new boolean[W * H];
        core[20 * W + 20] = true;
        return core;
    }

    private static byte[] grow(boolean[] core, double radius, int feather) {
        byte[] mask = new byte[W * H];
        MaskGrowth.growInto(core, W, H, radius, feather, mask, W, 0, 0);
        return mask;
    }

    private static int at(byte[] mask, int x, int y) {
        return mask[y * W + x] & 0xff;
    }
}
