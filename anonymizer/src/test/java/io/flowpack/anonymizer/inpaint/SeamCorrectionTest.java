package io.flowpack.anonymizer.inpaint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeamCorrectionTest {

    @Test
    void pushPullSpreadsAConstantRimUnchanged() {
        int w = 40;
        int h = 30;
        float[] values = new float[w * h];
        boolean[] given = new boolean[w * h];
        for (int x = 0; x < w; x++) {
            given[x] = true;
            values[x] = 12f;
            given[x + (h - 1) * w] = true;
            values[x + (h - 1) * w] = 12f;
        }
        float[] smooth = SeamCorrection.pushPull(values, given, w, h);
        for (float v : smooth) {
            assertThat(v).isCloseTo(12f, within(1e-4f));
        }
    }

    @Test
    void pushPullBlendsBetweenDifferentRims() {
        int w = 33;
        int h = 33;
        float[] values = new float[w * h];
        boolean[] given = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            given[y * w] = true;
            values[y * w] = 0f;
            given[w - 1 + y * w] = true;
            values[w - 1 + y * w] = 30f;
        }
        float[] smooth = SeamCorrection.pushPull(values, given, w, h);
        int middle = 16 + 16 * w;
        assertThat(smooth[middle]).isBetween(5f, 25f);
        assertThat(smooth[2 + 16 * w]).isLessThan(smooth[middle]);
        assertThat(smooth[w - 3 + 16 * w]).isGreaterThan(smooth[middle]);
    }

    @Test
    void aFillThatIsTooLightIsShiftedToMeetTheRim() {
        int w = 30;
        int h = 30;
        ImageLevel level = new ImageLevel(w, h);
        int[] nnf = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            int x = i % w;
            int y = i / w;
            boolean hole = x >= 10 && x < 20 && y >= 10 && y < 20;
            boolean lighterSource = x < 8 && y < 8;
            level.hole[i] = hole;
            int v = hole || lighterSource ? 140 : 100;   // the fill copied a lighter corner of the picture
            level.red[i] = v;
            level.green[i] = v;
            level.blue[i] = v;
            nnf[i] = 4 + 4 * w;   // every match is the lighter corner
        }
        SeamCorrection.correct(level, nnf, 3);
        assertThat(level.red[15 + 15 * w]).as("middle of the fill").isEqualTo(100);
        assertThat(level.red[25 + 25 * w]).as("known pixels stay").isEqualTo(100);
        assertThat(level.red[2 + 2 * w]).as("known pixels stay").isEqualTo(140);
    }
}
