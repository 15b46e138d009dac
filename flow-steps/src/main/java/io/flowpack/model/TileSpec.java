package io.flowpack.model;

/**
 * The tiling a model was made for: square tiles of {@code size} input pixels that overlap their neighbours by
 * {@code overlap} pixels.
 */
public record TileSpec(int size, int overlap) {

    public TileSpec {
        if (size <= 0 || overlap < 0 || overlap * 2 > size) {
            throw new IllegalArgumentException("tile size must be positive and overlap at most half of it: size "
                    + size + ", overlap " + overlap);
        }
    }
}
