package io.flowpack.anonymizer.detect;

import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled detector on the public-domain samples. Person scores seen at the time of writing: astronaut 0.79,
 * grace_hopper 0.75, camera 0.81; the best non-person "person" is chelsea's cat at 0.24 (coffee 0.08, rocket
 * none); tiles of the 6× upscaled rocket give spurious boxes up to 0.22. The default threshold 0.3 sits above all
 * of those and far below every real person, the small pasted one included (0.65–0.77 in tiles).
 */
class NanoDetPersonDetectorTest {
    private static final PersonDetector DETECTOR = NanoDetPersonDetector.standard();

    /** Person boxes read off the photos by eye, in photo pixels. */
    @ParameterizedTest
    @CsvSource({"portraits/astronaut.jpg, 20, 15, 365, 512", "portraits/grace_hopper.jpg, 15, 20, 512, 600", "camera.png, 0, 60, 335, 512"})
    void findsThePersonInEachPeoplePhoto(String photo, int left, int top, int right, int bottom) {
        List<PersonBox> people = DETECTOR.detect(SamplePhotos.photo(photo));

        PersonBox expected = new PersonBox(left, top, right - left, bottom - top, 1, "eye", "");
        assertThat(people).isNotEmpty();
        assertThat(people.get(0).iou(expected)).as("IoU of %s", people.get(0)).isGreaterThanOrEqualTo(0.5);
        assertThat(people.get(0).model()).isEqualTo("nanodet");
        assertThat(people.get(0).modelSha256()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coffee.jpg", "rocket.jpg", "chelsea.jpg"})
    void findsNobodyInPhotosWithoutPeople(String photo) {
        assertThat(DETECTOR.detect(SamplePhotos.photo(photo))).isEmpty();
    }

    /** The astronaut at 10 % of the height of a 4000×3000 photo: 41 px tall when the whole photo is shrunk to 416. */
    @Test
    void tilesFindASmallPersonInALargePhotoThatTheWholeImagePassMisses() {
        int height = 300;
        BufferedImage image = SamplePhotos.composite("rocket.jpg", 4000, 3000, "portraits/astronaut.jpg", 2500, 1700, height);
        double s = height / 512.0;
        PersonBox pasted = new PersonBox(2500 + 20 * s, 1700 + 15 * s, 345 * s, 497 * s, 1, "eye", "");

        List<PersonBox> tiled = DETECTOR.detect(image);
        List<PersonBox> whole = new NanoDetPersonDetector(ModelRegistry.standard(), ModelSessions.shared(),
                DetectionSettings.defaults().wholeImageOnly()).detect(image);

        assertThat(tiled).anySatisfy(box -> assertThat(box.iou(pasted)).isGreaterThanOrEqualTo(0.5));
        assertThat(tiled).allSatisfy(box -> assertThat(box.intersection(pasted)).isPositive());
        assertThat(whole).noneSatisfy(box -> assertThat(box.iou(pasted)).isGreaterThanOrEqualTo(0.5));
    }

    /**
     * Small 3:2 photos with a mid-size person, as in the synthetic benchmark: the letterboxed whole-image pass and
     * the intermediate 2×2 grid find them (stretched to a square, the whole-image pass alone missed most).
     */
    @ParameterizedTest
    @CsvSource({"coffee.jpg, camera.png, 190, 30, 160", "rocket.jpg, portraits/grace_hopper.jpg, 60, 40, 150",
            "chelsea.jpg, portraits/astronaut.jpg, 250, 120, 140"})
    void findsAMidSizePersonInASmallWidePhoto(String background, String person, int x, int y, int height) {
        BufferedImage photo = SamplePhotos.photo(background);
        BufferedImage image = SamplePhotos.composite(background, photo.getWidth(), photo.getHeight(), person, x, y,
                height);
        BufferedImage cutout = SamplePhotos.photo(person);
        PersonBox pasted = new PersonBox(x, y, height * cutout.getWidth() / cutout.getHeight(), height, 1, "eye",
                "");

        assertThat(DETECTOR.detect(image)).anySatisfy(box -> assertThat(box.intersection(pasted) / box.area())
                .isGreaterThanOrEqualTo(0.5));
    }

    @Test
    void theMinimumSizeDropsSmallBoxes() {
        PersonDetector strict = new NanoDetPersonDetector(ModelRegistry.standard(), ModelSessions.shared(),
                new DetectionSettings(0.3, 600, 0, 0.25, 0.5));

        assertThat(strict.detect(SamplePhotos.photo("portraits/astronaut.jpg"))).isEmpty();
    }
}
