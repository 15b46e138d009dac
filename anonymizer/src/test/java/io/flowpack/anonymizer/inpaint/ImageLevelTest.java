package io.flowpack.anonymizer.inpaint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageLevelTest {

    @Test
    void halfKeepsPixelsKnownWhenAtLeastHalfTheirChildrenAreAndAveragesOnlyThose() {
        ImageLevel fine = new ImageLevel(4, 2);
        for (int i = 0; i < 8; i++) {
            fine.red[i] = 100;
            fine.green[i] = 100;
            fine.blue[i] = 100;
        }
        // left 2×2 block: one hole child (garbage colour) -> known, mean of the three known children
        fine.hole[0] = true;
        fine.red[0] = 255;
        // right 2×2 block: three hole children -> hole
        fine.hole[2] = true;
        fine.hole[3] = true;
        fine.hole[6] = true;
        ImageLevel coarse = fine.half();
        assertThat(coarse.width).isEqualTo(2);
        assertThat(coarse.height).isEqualTo(1);
        assertThat(coarse.hole[0]).isFalse();
        assertThat(coarse.red[0]).isEqualTo(100);
        assertThat(coarse.hole[1]).isTrue();
    }

    @Test
    void holeFromInterpolatesTheCoarseFillAndLeavesKnownPixelsAlone() {
        ImageLevel coarse = new ImageLevel(2, 1);
        coarse.red[0] = 0;
        coarse.red[1] = 200;
        ImageLevel fine = new ImageLevel(4, 2);
        for (int i = 0; i < 8; i++) {
            fine.hole[i] = i % 4 != 0;
            fine.red[i] = 7;
        }
        fine.holeFrom(coarse);
        assertThat(fine.red[0]).isEqualTo(7);
        assertThat(fine.red[1]).isEqualTo(50);
        assertThat(fine.red[2]).isEqualTo(150);
        assertThat(fine.red[3]).isEqualTo(200);
    }
}
