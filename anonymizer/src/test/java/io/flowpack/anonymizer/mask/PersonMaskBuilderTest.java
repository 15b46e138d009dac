package io.flowpack.anonymizer.mask;

import io.flowpack.anonymizer.detect.NanoDetPersonDetector;
import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.detect.SamplePhotos;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PersonMaskBuilderTest {
    private static final PersonMaskBuilder BUILDER = new PersonMaskBuilder(
            new SelfieSegmenter(ModelRegistry.standard(), ModelSessions.shared()), MaskSettings.defaults());

    /** Inside: the astronaut's face and suit; far away: the top-right corner (wall and shuttle) and the flag's edge. */
    @Test
    void theAstronautsMaskCoversThePersonAndNotTheBackgroundFarAway() {
        BufferedImage image = SamplePhotos.photo("portraits/astronaut.jpg");
        List<PersonBox> people = NanoDetPersonDetector.standard().detect(image);

        PersonMask mask = BUILDER.build(image, people);

        assertThat(mask.width()).isEqualTo(512);
        assertThat(mask.mean(140, 40, 160, 380)).isGreaterThan(0.8);
        assertThat(mask.mean(440, 0, 72, 120)).isLessThan(0.05);
        System.out.printf("astronaut mask: flag corner inside the box %.3f, area %.1f %%%n",
                mask.mean(20, 20, 40, 120), mask.areaPercent());
        assertThat(mask.mean(20, 20, 40, 120)).as("the flag inside the box: segmented, not the box").isLessThan(0.5);
        assertThat(mask.areaPercent()).isBetween(20.0, 80.0);
        BufferedImage preview = mask.toImage();
        assertThat(preview.getRaster().getSample(200, 200, 0)).isEqualTo(255);
        assertThat(preview.getRaster().getSample(500, 10, 0)).isZero();
    }

    @Test
    void aDetectionWithoutAPersonInsideFallsBackToItsGrownBox() {
        BufferedImage image = SamplePhotos.photo("rocket.jpg");
        PersonBox box = new PersonBox(400, 50, 100, 200, 0.5, "test", "");

        PersonMask mask = BUILDER.build(image, List.of(box));

        assertThat(mask.mean(400, 50, 100, 200)).isEqualTo(1.0);
        assertThat(mask.mean(400 - 8, 50, 8, 200)).as("grown by 4 % of 200 px").isEqualTo(1.0);
        assertThat(mask.mean(0, 0, 300, 427)).isZero();
        assertThat(mask.areaPercent()).isCloseTo(100.0 * (116 * 216) / (640 * 427), within(1.0));
    }

    @Test
    void noDetectionsGiveAnEmptyMask() {
        PersonMask mask = BUILDER.build(SamplePhotos.photo("coffee.jpg"), List.of());

        assertThat(mask.isEmpty()).isTrue();
        assertThat(mask.areaPercent()).isZero();
    }

    @Test
    void aSuppliedMaskReplacesOrExtendsTheAutomaticOne() {
        BufferedImage image = SamplePhotos.photo("rocket.jpg");
        List<PersonBox> people = List.of(new PersonBox(400, 50, 100, 200, 0.5, "test", ""));
        BufferedImage review = new BufferedImage(640, 427, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = review.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(10, 10, 50, 50);
        g.dispose();

        PersonMask replaced = BUILDER.build(image, people, review, MaskMode.REPLACE);
        PersonMask extended = BUILDER.build(image, people, review, MaskMode.EXTEND);

        assertThat(replaced.mean(10, 10, 50, 50)).isEqualTo(1.0);
        assertThat(replaced.mean(400, 50, 100, 200)).isZero();
        assertThat(replaced.areaPercent()).isCloseTo(100.0 * 2500 / (640 * 427), within(0.01));
        assertThat(extended.mean(10, 10, 50, 50)).isEqualTo(1.0);
        assertThat(extended.mean(400, 50, 100, 200)).isEqualTo(1.0);
    }

    @Test
    void aSuppliedMaskOfAnotherSizeIsStretchedToTheImage() {
        BufferedImage image = SamplePhotos.photo("rocket.jpg");
        BufferedImage half = new BufferedImage(320, 214, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = half.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 160, 214);
        g.dispose();

        PersonMask mask = BUILDER.build(image, List.of(), half, MaskMode.REPLACE);

        assertThat(mask.mean(0, 0, 310, 427)).isEqualTo(1.0);
        assertThat(mask.mean(330, 0, 310, 427)).isZero();
    }

    @Test
    void maskModesAreParsedByName() {
        assertThat(MaskMode.parse("Extend")).isEqualTo(MaskMode.EXTEND);
        assertThatThrownBy(() -> MaskMode.parse("merge")).hasMessageContaining("'replace' or 'extend'");
    }
}
