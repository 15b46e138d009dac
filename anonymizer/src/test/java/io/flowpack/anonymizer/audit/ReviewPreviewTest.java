package io.flowpack.anonymizer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.mask.PersonMask;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewPreviewTest {

    @Test
    void scalesToTheLongEdgeLimitAndTintsOnlyInsideTheMask() {
        int width = 4000;
        int height = 3000;
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        Arrays.fill(row, 0x808080);
        for (int y = 0; y < height; y++) {
            grey.setRGB(0, y, width, 1, row, 0, width);
        }
        PersonMask mask = PersonMask.empty(width, height);
        for (int y = 1000; y < 2000; y++) {
            Arrays.fill(mask.alpha(), y * width + 1000, y * width + 2000, (byte) 255);
        }
        PersonBox box = new PersonBox(900, 900, 1200, 1200, 0.87, "nanodet", "abc");

        BufferedImage preview = ReviewPreview.build(grey, mask, List.of(box));

        assertThat(Math.max(preview.getWidth(), preview.getHeight())).isEqualTo(ReviewPreview.MAX_EDGE);
        assertThat(preview.getHeight()).isEqualTo(1200);
        int inside = preview.getRGB(600, 600);                   // centre of the mask, scaled by 0.4
        int outside = preview.getRGB(100, 1100);
        assertThat(inside >> 16 & 0xFF).isGreaterThan(0xB0);
        assertThat(inside & 0xFF).isLessThan(0x60);
        assertThat(outside & 0xFFFFFF).isEqualTo(0x808080);
        assertThat(preview.getRGB(360, 600) & 0xFFFFFF).as("the box outline").isNotEqualTo(0x808080);
    }

    @Test
    void smallPicturesAreNotEnlarged() {
        BufferedImage small = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        BufferedImage preview = ReviewPreview.build(small, PersonMask.empty(40, 30), List.of());
        assertThat(preview.getWidth()).isEqualTo(40);
        assertThat(preview.getHeight()).isEqualTo(30);
    }
}
