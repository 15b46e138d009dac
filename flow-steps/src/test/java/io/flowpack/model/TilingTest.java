package io.flowpack.model;

import io.flowpack.model.tile.FeatherWeights;
import io.flowpack.model.tile.TileAxis;
import io.flowpack.model.tile.TilePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TilingTest {

    @ParameterizedTest(name = "length {0}, tile {1}, overlap {2}, scale {3}")
    @CsvSource({"1000, 128, 12, 2", "129, 128, 12, 4", "128, 128, 12, 2", "50, 128, 12, 3", "7681, 256, 32, 1",
            "300, 64, 32, 2", "301, 37, 16, 2", "2, 1, 0, 2"})
    void tilesCoverTheAxisWithTheOverlapAndWeightsAddUpToOne(int length, int tile, int overlap, int scale) {
        TileAxis axis = TileAxis.of(length, tile, overlap);
        float[][] weights = FeatherWeights.of(axis, overlap, scale);

        assertThat(axis.start(0)).isZero();
        assertThat(axis.start(axis.count() - 1) + axis.extent()).isEqualTo(length);
        assertThat(axis.extent()).isEqualTo(Math.min(tile, length));
        for (int i = 1; i < axis.count(); i++) {
            assertThat(axis.start(i - 1) + axis.extent() - axis.start(i)).isGreaterThanOrEqualTo(overlap);
        }
        double[] sum = new double[length * scale];
        for (int t = 0; t < axis.count(); t++) {
            assertThat(weights[t]).hasSize(axis.extent() * scale);
            for (int i = 0; i < weights[t].length; i++) {
                assertThat(weights[t][i]).isBetween(0f, 1f);
                sum[axis.start(t) * scale + i] += weights[t][i];
            }
        }
        for (double s : sum) {
            assertThat(s).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void theOuterQuarterOfAnOverlapIsIgnoredAndTheImageBorderKeptWhole() {
        TileAxis axis = TileAxis.of(200, 100, 20);
        float[][] weights = FeatherWeights.of(axis, 20, 1);

        assertThat(axis.starts()).containsExactly(0, 50, 100);
        assertThat(weights[0][0]).isEqualTo(1f);
        assertThat(weights[0][99]).isZero();
        assertThat(weights[1][0]).isZero();
        assertThat(weights[1][4]).isZero();
        assertThat(weights[1][5]).isGreaterThan(0f);
        assertThat(weights[2][99]).isEqualTo(1f);
    }

    @Test
    void aPlanRoundsTilesToTheModelsMultipleAndKeepsAFixedSize() {
        TilePlan free = TilePlan.of(1920, 1080, 128, 12, 1, 0, 0);
        TilePlan multiple = TilePlan.of(30, 1000, 100, 8, 8, 0, 0);
        TilePlan fixed = TilePlan.of(20, 700, 128, 12, 1, 64, 32);

        assertThat(free.describe()).isEqualTo("17×10 tiles of 128×128, overlap 12");
        assertThat(multiple.tensorWidth()).isEqualTo(32);
        assertThat(multiple.tensorHeight()).isEqualTo(104);
        assertThat(multiple.x().extent()).isEqualTo(30);
        assertThat(fixed.tensorWidth()).isEqualTo(64);
        assertThat(fixed.tensorHeight()).isEqualTo(32);
        assertThat(fixed.x().count()).isEqualTo(1);
        assertThat(fixed.overlap()).isEqualTo(12);
        assertThat(TilePlan.of(100, 100, 16, 12, 1, 0, 0).overlap()).isEqualTo(8);
    }
}
