package io.flowpack.anonymizer.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TileGridTest {

    @Test
    void aSmallImageIsSearchedWhole() {
        assertThat(TileGrid.plan(512, 512, 1024, 0.25)).containsExactly(new Region(0, 0, 512, 512));
    }

    @Test
    void aLargeImageGetsOverlappingTilesCoveringItAfterTheWholePass() {
        List<Region> regions = TileGrid.plan(4000, 3000, 1024, 0.25);

        assertThat(regions.get(0)).isEqualTo(new Region(0, 0, 4000, 3000));
        List<Region> tiles = regions.subList(1, regions.size());
        assertThat(tiles).hasSize(5 * 4);
        assertThat(tiles).allSatisfy(t -> {
            assertThat(t.width()).isLessThanOrEqualTo(1024);
            assertThat(t.right()).isLessThanOrEqualTo(4000);
            assertThat(t.bottom()).isLessThanOrEqualTo(3000);
        });
        assertThat(tiles.get(tiles.size() - 1).right()).isEqualTo(4000);
        assertThat(tiles.get(tiles.size() - 1).bottom()).isEqualTo(3000);
        Region first = tiles.get(0);
        Region second = tiles.get(1);
        assertThat(first.right() - second.x()).as("overlap").isGreaterThanOrEqualTo((int) (0.24 * first.width()));
    }

    @Test
    void anIntermediateGridHasOverlappingTilesCoveringTheImage() {
        List<Region> tiles = TileGrid.grid(640, 427, 2, 2, 0.4);

        assertThat(tiles).hasSize(4);
        assertThat(tiles.get(0).x()).isZero();
        assertThat(tiles.get(3).right()).isEqualTo(640);
        assertThat(tiles.get(3).bottom()).isEqualTo(427);
        assertThat(tiles.get(0).right() - tiles.get(1).x()).as("overlap")
                .isGreaterThanOrEqualTo((int) (0.39 * tiles.get(0).width()));
    }
}
