package io.flowpack.detect;

import io.flowpack.detect.NanoDetDecoder.Detection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Decoding hand-made NanoDet outputs of the bundled layout: 416×416, strides 8/16/32, 80 classes, 11 bins. */
class NanoDetDecoderTest {
    private static final int CLASSES = 80;
    private static final int BINS = 11;
    private final NanoDetDecoder decoder = NanoDetDecoder.bundled();
    private final float[][] scores = new float[3][];
    private final float[][] distances = new float[3][];

    NanoDetDecoderTest() {
        for (int level = 0; level < 3; level++) {
            int cells = decoder.cells(level);
            scores[level] = new float[cells * CLASSES];
            distances[level] = new float[cells * 4 * BINS];
        }
    }

    @Test
    void aCellsDistancesAreTheExpectedBinsTimesTheStrideFromItsCentre() {
        assertThat(decoder.cells(0)).isEqualTo(52 * 52);
        assertThat(decoder.cells(2)).isEqualTo(13 * 13);
        int cell = 5 * 13 + 3; // stride 32, column 3, row 5: centre (112, 176)
        scores[2][cell * CLASSES] = 0.9f;
        int[] bins = {2, 3, 1, 4}; // left, top, right, bottom
        for (int side = 0; side < 4; side++) {
            distances[2][(cell * 4 + side) * BINS + bins[side]] = 30; // all but certain
        }

        List<Detection> detections = decoder.decode(scores, distances, 0.3f, 0.5f);

        assertThat(detections).hasSize(1);
        Detection box = detections.get(0);
        assertThat(box.classId()).isZero();
        assertThat(box.score()).isEqualTo(0.9f);
        assertThat(box.left()).isCloseTo(112 - 64, within(1e-3f));
        assertThat(box.top()).isCloseTo(176 - 96, within(1e-3f));
        assertThat(box.right()).isCloseTo(112 + 32, within(1e-3f));
        assertThat(box.bottom()).isCloseTo(176 + 128, within(1e-3f));
    }

    @Test
    void equalLogitsMeanTheMiddleBinAndBoxesAreClippedToTheInput() {
        int cell = 0; // stride 8, top-left corner: centre (4, 4)
        scores[0][cell * CLASSES + 7] = 0.5f;

        Detection box = decoder.decode(scores, distances, 0.3f, 0.5f).get(0);

        assertThat(box.classId()).isEqualTo(7);
        assertThat(box.left()).isZero(); // 4 - 5·8 clipped
        assertThat(box.top()).isZero();
        assertThat(box.right()).isCloseTo(4 + 40, within(1e-3f));
        assertThat(box.bottom()).isCloseTo(4 + 40, within(1e-3f));
    }

    @Test
    void overlappingBoxesOfOneClassAreSuppressedOthersKeptBestFirst() {
        scores[0][100 * CLASSES] = 0.8f;      // person
        scores[0][101 * CLASSES] = 0.9f;      // person, next cell: nearly the same box
        scores[0][101 * CLASSES + 2] = 0.6f;  // a car in the same place
        scores[0][2000 * CLASSES] = 0.7f;     // another person far away
        scores[0][2500 * CLASSES] = 0.2f;     // too weak

        List<Detection> detections = decoder.decode(scores, distances, 0.3f, 0.5f);

        assertThat(detections).extracting(Detection::score).containsExactly(0.9f, 0.7f, 0.6f);
        assertThat(detections).extracting(Detection::classId).containsExactly(0, 0, 2);
    }

    @Test
    void outputsOfTheWrongSizeAreRefused() {
        distances[1] = new float[10];

        assertThatThrownBy(() -> decoder.decode(scores, distances, 0.3f, 0.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride 16");
    }
}
