package io.flowpack.anonymizer.detect;

/** A rectangle of an image in whole pixels, searched on its own. */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a region needs a positive size, got " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }
}
