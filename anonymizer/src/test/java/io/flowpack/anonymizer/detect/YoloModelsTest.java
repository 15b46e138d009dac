package io.flowpack.anonymizer.detect;

import io.flowpack.imaging.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** YOLO models given by path are loaded once per file version, bounded, and released on close. */
class YoloModelsTest {
    @TempDir
    Path folder;

    private static int detect(YoloModel model, BufferedImage picture) {
        return new YoloPersonDetector(model, 0, DetectionSettings.defaults()).detect(picture).size();
    }

    /** People found in {@code picture} by the model at {@code path}, telling {@code used} which model it was. */
    private static int people(YoloModels models, Path path, BufferedImage picture,
                              java.util.function.Consumer<YoloModel> used) {
        return models.with(path, model -> {
            used.accept(model);
            return detect(model, picture);
        });
    }

    @Test
    void aModelIsLoadedOncePerFileVersionAndServesEveryPicture() throws Exception {
        Path path = TinyYoloModels.write(folder.resolve("yolo.onnx"), TinyYoloModels.onePerson());
        BufferedImage picture = Pixels.create(64, 64, false);
        Map<YoloModel, Integer> seen = new IdentityHashMap<>();
        try (YoloModels models = new YoloModels()) {
            for (int i = 0; i < 3; i++) {
                assertThat(people(models, path, picture, model -> seen.merge(model, 1, Integer::sum))).isEqualTo(1);
            }
            assertThat(seen).hasSize(1).containsValue(3);
            assertThat(models.kept()).isEqualTo(1);

            // the file is replaced (another model, another time stamp): the new version is loaded
            TinyYoloModels.write(path, new float[84 * 4]);
            Files.setLastModifiedTime(path, FileTime.fromMillis(Files.getLastModifiedTime(path).toMillis() + 5000));
            assertThat(people(models, path, picture, model -> { })).isZero();
            assertThat(models.kept()).isEqualTo(2);
        }
    }

    @Test
    void beyondTheBoundModelsAreLoadedPerCallAndClosedAfterIt() throws Exception {
        BufferedImage picture = Pixels.create(64, 64, false);
        List<YoloModel> used = new ArrayList<>();
        try (YoloModels models = new YoloModels()) {
            for (int i = 0; i <= YoloModels.MAX_KEPT; i++) {
                Path path = TinyYoloModels.write(folder.resolve("yolo-" + i + ".onnx"),
                        TinyYoloModels.onePerson());
                assertThat(people(models, path, picture, used::add)).isEqualTo(1);
            }
            assertThat(models.kept()).isEqualTo(YoloModels.MAX_KEPT);
            YoloModel once = used.get(YoloModels.MAX_KEPT);
            assertThatThrownBy(() -> detect(once, picture)).hasMessageContaining("closed");
            assertThat(detect(used.get(0), picture)).isEqualTo(1);
        }
    }

    @Test
    void closeReleasesTheKeptModels() throws Exception {
        Path path = TinyYoloModels.write(folder.resolve("yolo.onnx"), TinyYoloModels.onePerson());
        BufferedImage picture = Pixels.create(64, 64, false);
        YoloModels models = new YoloModels();
        YoloModel kept = models.with(path, model -> model);
        models.close();
        assertThatThrownBy(() -> detect(kept, picture)).hasMessageContaining("closed");
        assertThatThrownBy(() -> people(models, path, picture, model -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aFileThatIsNoYoloModelIsAPreciseError() throws Exception {
        Path bogus = folder.resolve("bogus.onnx");
        Files.writeString(bogus, "not a model");
        try (YoloModels models = new YoloModels()) {
            assertThatThrownBy(() -> people(models, bogus, Pixels.create(64, 64, false), model -> { })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot load YOLO model").hasMessageContaining("bogus.onnx");
            assertThat(models.kept()).isZero();
        }
    }
}
