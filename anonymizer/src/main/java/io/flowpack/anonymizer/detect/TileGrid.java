package io.flowpack.anonymizer.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The regions a detector searches: the whole image, then (when the image is larger than one tile) a grid of tiles
 * overlapping by a share of their size, so a person at a seam is whole in at least one tile unless larger than
 * the overlap — and then the whole-image pass sees them.
 */
public final class TileGrid {

    private TileGrid() {
    }

    /** The whole image first, then the tiles row by row. */
    public static List<Region> plan(int width, int height, int tileSize, double overlap) {
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(0, 0, width, height));
        if (tileSize <= 0) {
            return regions;
        }
        int columns = count(width, tileSize, overlap);
        int rows = count(height, tileSize, overlap);
        if (columns == 1 && rows == 1) {
            return regions;
        }
        int[] xs = starts(width, columns, overlap);
        int[] ys = starts(height, rows, overlap);
        int tileWidth = span(width, columns, overlap);
        int tileHeight = span(height, rows, overlap);
        for (int y : ys) {
            for (int x : xs) {
                regions.add(new Region(x, y, Math.min(tileWidth, width - x), Math.min(tileHeight, height - y)));
            }
        }
        return regions;
    }

    /**
     * A grid of {@code columns}×{@code rows} tiles overlapping by {@code overlap} of their size, covering the
     * image (without the whole-image region).
     */
    public static List<Region> grid(int width, int height, int columns, int rows, double overlap) {
        List<Region> regions = new ArrayList<>();
        int[] xs = starts(width, columns, overlap);
        int[] ys = starts(height, rows, overlap);
        int tileWidth = span(width, columns, overlap);
        int tileHeight = span(height, rows, overlap);
        for (int y : ys) {
            for (int x : xs) {
                regions.add(new Region(x, y, Math.min(tileWidth, width - x), Math.min(tileHeight, height - y)));
            }
        }
        return regions;
    }

    /** Tiles along an axis: the fewest of at most {@code tileSize} that cover {@code length} with the overlap. */
    static int count(int length, int tileSize, double overlap) {
        double n = ((double) length / tileSize - overlap) / (1 - overlap);
        return Math.max(1, (int) Math.ceil(n - 1e-9));
    }

    private static int span(int length, int tiles, double overlap) {
        return (int) Math.ceil(length / (tiles - (tiles - 1) * overlap));
    }

    private static int[] starts(int length, int tiles, double overlap) {
        int span = span(length, tiles, overlap);
        int[] starts = new int[tiles];
        for (int i = 0; i < tiles; i++) {
            starts[i] = tiles == 1 ? 0 : (int) Math.round((double) i * (length - span) / (tiles - 1));
        }
        return starts;
    }
}
