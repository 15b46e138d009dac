package io.flowpack.model.tile;

import java.util.Arrays;

/**
 * Where the tiles start along one axis: {@code count} tiles of {@code extent} pixels covering {@code length},
 * spread evenly so that neighbours overlap by at least the requested overlap (the first tile starts at 0,
 * the last ends at {@code length}).
 *
 * @param length the image's length along the axis
 * @param extent pixels of the image in each tile ({@code min(tile, length)})
 * @param starts first pixel of each tile, ascending
 */
public record TileAxis(int length, int extent, int[] starts) {

    public static TileAxis of(int length, int tile, int overlap) {
        if (length <= 0 || tile <= 0 || overlap < 0 || overlap >= tile) {
            throw new IllegalArgumentException("cannot tile " + length + " pixels with tiles of " + tile
                    + " overlapping by " + overlap);
        }
        int extent = Math.min(tile, length);
        if (extent == length) {
            return new TileAxis(length, extent, new int[]{0});
        }
        int stride = extent - overlap;
        int count = (length - extent + stride - 1) / stride + 1;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = (int) ((long) i * (length - extent) / (count - 1));
        }
        return new TileAxis(length, extent, starts);
    }

    public int count() {
        return starts.length;
    }

    public int start(int index) {
        return starts[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileAxis a && a.length == length && a.extent == extent && Arrays.equals(a.starts, starts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * length + extent) + Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return "TileAxis[length " + length + ", extent " + extent + ", starts " + Arrays.toString(starts) + "]";
    }
}
