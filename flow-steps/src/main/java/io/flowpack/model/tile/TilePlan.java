package io.flowpack.model.tile;

/**
 * How an image is cut into tiles for a model: the tiles along each axis, the tensor each tile is fed as (larger
 * than the tile where the model needs a fixed size or a multiple of some number; the rest is reflect-padded),
 * and the overlap that is blended.
 *
 * @param x            tiles along the width
 * @param y            tiles along the height
 * @param tensorWidth  width of every input tensor
 * @param tensorHeight height of every input tensor
 * @param overlap      minimum overlap of neighbouring tiles, in input pixels
 */
public record TilePlan(TileAxis x, TileAxis y, int tensorWidth, int tensorHeight, int overlap) {
    public static final int DEFAULT_SIZE = 256;
    public static final int DEFAULT_OVERLAP = 16;

    /**
     * @param tile        requested tile size (square)
     * @param overlap     requested overlap; at most half the tile is used
     * @param multipleOf  tensor sizes must be multiples of this
     * @param fixedWidth  the model's fixed input width, or 0 when free (then it is the tile width)
     * @param fixedHeight the model's fixed input height, or 0 when free
     */
    public static TilePlan of(int width, int height, int tile, int overlap, int multipleOf, int fixedWidth,
                              int fixedHeight) {
        int tileWidth = fixedWidth > 0 ? fixedWidth : roundUp(tile, multipleOf);
        int tileHeight = fixedHeight > 0 ? fixedHeight : roundUp(tile, multipleOf);
        int usedOverlap = Math.min(overlap, Math.min(tileWidth, tileHeight) / 2);
        TileAxis x = TileAxis.of(width, tileWidth, usedOverlap);
        TileAxis y = TileAxis.of(height, tileHeight, usedOverlap);
        int tensorWidth = fixedWidth > 0 ? fixedWidth : roundUp(x.extent(), multipleOf);
        int tensorHeight = fixedHeight > 0 ? fixedHeight : roundUp(y.extent(), multipleOf);
        return new TilePlan(x, y, tensorWidth, tensorHeight, usedOverlap);
    }

    public int count() {
        return x.count() * y.count();
    }

    /** E.g. {@code 15×9 tiles of 128×128, overlap 12}. */
    public String describe() {
        return x.count() + "×" + y.count() + " tiles of " + tensorWidth + "×" + tensorHeight + ", overlap " + overlap;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
