package io.flowpack.anonymizer.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoxMergerTest {

    private static PersonBox box(double x, double y, double w, double h, double score) {
        return new PersonBox(x, y, w, h, score, "m", "sha");
    }

    @Test
    void overlappingBoxesBecomeTheBestOneAndSeparatePeopleStay() {
        BoxMerger merger = new BoxMerger(0.5);
        merger.add(box(100, 100, 50, 100, 0.6), false);
        merger.add(box(104, 102, 50, 100, 0.9), false);
        merger.add(box(400, 100, 50, 100, 0.5), false);

        assertThat(merger.merged()).extracting(PersonBox::score).containsExactly(0.9, 0.5);
    }

    @Test
    void aFragmentCutByATileEdgeIsDroppedWhenThePersonWasFoundWhole() {
        BoxMerger merger = new BoxMerger(0.5);
        merger.add(box(100, 100, 50, 100, 0.8), false);
        merger.add(box(100, 100, 50, 30, 0.9), true); // the head, cut by a tile's bottom edge

        assertThat(merger.merged()).containsExactly(box(100, 100, 50, 100, 0.9));
    }

    @Test
    void halvesFromNeighbouringTilesJoinIntoOneBox() {
        BoxMerger merger = new BoxMerger(0.5);
        merger.add(box(100, 100, 70, 200, 0.7), true);  // left tile: cut at x = 170
        merger.add(box(130, 100, 80, 200, 0.6), true);  // right tile: cut at x = 130

        assertThat(merger.merged()).singleElement().satisfies(b -> {
            assertThat(b.x()).isEqualTo(100);
            assertThat(b.right()).isEqualTo(210);
            assertThat(b.score()).isEqualTo(0.7);
        });
    }

    @Test
    void aWholeBoxIsNotSwallowedByALargerWeakerOne() {
        BoxMerger merger = new BoxMerger(0.5);
        merger.add(box(100, 100, 50, 100, 0.8), false);
        merger.add(box(0, 0, 600, 600, 0.4), true);

        assertThat(merger.merged()).hasSize(2);
    }
}
