package io.flowpack.model.image;

/**
 * The tiling a caller asks for; 0 leaves a value to the model's manifest (and, when it has none, to
 * {@link io.flowpack.model.tile.TilePlan#DEFAULT_SIZE} / {@link io.flowpack.model.tile.TilePlan#DEFAULT_OVERLAP}).
 * A model with a fixed input size always gets tiles of that size.
 */
public record TileOptions(int size, int overlap) {
    public static final TileOptions MANIFEST = new TileOptions(0, 0);

    public TileOptions {
        if (size < 0 || overlap < 0) {
            throw new IllegalArgumentException("tile size and overlap must not be negative: " + size + ", " + overlap);
        }
    }
}
