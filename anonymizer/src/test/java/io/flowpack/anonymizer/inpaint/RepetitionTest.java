package io.flowpack.anonymizer.inpaint;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class RepetitionTest {
    private static final int RADIUS = 3;

    private static ImageLevel level(int width, int height, IntBinaryOperator grey) {
        ImageLevel level = new ImageLevel(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = grey.applyAsInt(x, y);
                int i = x + y * width;
                level.red[i] = v;
                level.green[i] = v;
                level.blue[i] = v;
            }
        }
        for (int y = 30; y < 50; y++) {
            for (int x = 30; x < 50; x++) {
                level.hole[x + y * width] = true;
            }
        }
        return level;
    }

    private static double score(ImageLevel level) {
        return Repetition.score(level, new PatchField(level, RADIUS).sourcePositions(), RADIUS, 1);
    }

    @Test
    void bricksRepeatNoiseDoesNot() {
        double bricks = score(level(80, 80, (x, y) -> (y % 8 >= 6 || (x + (y / 8 % 2) * 6) % 12 >= 10) ? 200 : 90));
        SplittableRandom random = new SplittableRandom(3);
        double noise = score(level(80, 80, (x, y) -> 60 + random.nextInt(120)));

        assertThat(bricks).as("bricks").isLessThan(0.15);
        assertThat(noise).as("noise").isGreaterThan(0.5);
    }

    @Test
    void aFlatSurfaceHasNoPatternToRepeat() {
        assertThat(score(level(80, 80, (x, y) -> 128))).isInfinite();
    }
}
