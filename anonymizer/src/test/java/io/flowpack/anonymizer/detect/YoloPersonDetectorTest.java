package io.flowpack.anonymizer.detect;

import io.flowpack.imaging.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A generated stand-in for a YOLOv8 export: input {@code [1, 3, 64, 64]}, output {@code [1, 84, 4]} fixed by a
 * constant (the input, multiplied by 0, only joins the graph), so the decoding and un-letterboxing are checked
 * against known boxes.
 */
class YoloPersonDetectorTest {
    private static final int SIZE = TinyYoloModels.SIZE;
    private static final int CANDIDATES = TinyYoloModels.CANDIDATES;
    private static final int ROWS = TinyYoloModels.ROWS;

    @TempDir
    Path folder;

    @Test
    void boxesAreMappedBackThroughTheLetterboxAndThinnedByNms() throws Exception {
        float[] out = new float[ROWS * CANDIDATES];
        candidate(out, 0, 32, 32, 20, 10, 0, 0.9f);   // a person in the middle
        candidate(out, 1, 33, 32, 20, 10, 0, 0.8f);   // the same person again: suppressed
        candidate(out, 2, 20, 20, 10, 10, 5, 0.95f);  // a bus: not a person
        candidate(out, 3, 10, 40, 8, 8, 0, 0.5f);     // a second person
        Path model = writeModel(out);

        // a 128×64 image: scaled by 0.5 to 64×32, centred with 16 rows of padding above and below
        try (YoloPersonDetector detector = new YoloPersonDetector(model, 0, new DetectionSettings(0.3, 4, 0, 0.25, 0.5))) {
            List<PersonBox> people = detector.detect(Pixels.create(128, 64, false));

            assertThat(detector.inputWidth()).isEqualTo(SIZE);
            assertThat(people).hasSize(2);
            PersonBox first = people.get(0);
            assertThat(first.score()).isCloseTo(0.9, within(1e-6));
            assertThat(first.x()).isCloseTo((32 - 10) / 0.5, within(1e-3));
            assertThat(first.y()).isCloseTo((32 - 5 - 16) / 0.5, within(1e-3));
            assertThat(first.width()).isCloseTo(40, within(1e-3));
            assertThat(first.height()).isCloseTo(20, within(1e-3));
            assertThat(first.model()).isEqualTo("yolo.onnx");
            assertThat(first.modelSha256()).hasSize(64);
            PersonBox second = people.get(1);
            assertThat(second.x()).isCloseTo((10 - 4) / 0.5, within(1e-3));
            assertThat(second.y()).isCloseTo((40 - 4 - 16) / 0.5, within(1e-3));
        }
    }

    @Test
    void theScoreThresholdDropsWeakPeople() throws Exception {
        float[] out = new float[ROWS * CANDIDATES];
        candidate(out, 0, 32, 32, 20, 20, 0, 0.25f);
        try (YoloPersonDetector detector = new YoloPersonDetector(writeModel(out), 0, DetectionSettings.defaults())) {
            assertThat(detector.detect(Pixels.create(64, 64, false))).isEmpty();
        }
    }

    private static void candidate(float[] out, int i, float cx, float cy, float w, float h, int cls, float score) {
        TinyYoloModels.candidate(out, i, cx, cy, w, h, cls, score);
    }

    private Path writeModel(float[] out) throws Exception {
        return TinyYoloModels.write(folder.resolve("yolo.onnx"), out);
    }
}
