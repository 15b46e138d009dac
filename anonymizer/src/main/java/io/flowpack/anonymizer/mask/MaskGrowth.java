package io.flowpack.anonymizer.mask;

/**
 * Grows a hard mask by a radius and gives it a soft edge, from one distance transform: a pixel within
 * {@code radius} of the mask is fully masked; beyond, the value falls linearly to 0 over {@code feather} pixels.
 * The result is merged into a larger mask by taking the brighter value.
 */
public final class MaskGrowth {

    private MaskGrowth() {
    }

    /**
     * @param core            the hard mask of a {@code width × height} area
     * @param target          the image mask (0..255) the area is merged into, {@code targetWidth} wide
     * @param offsetX,offsetY where the area's top-left pixel lies in the target
     */
    public static void growInto(boolean[] core, int width, int height, double radius, int feather,
                                byte[] target, int targetWidth, int offsetX, int offsetY) {
        float[] squared = DistanceTransform.squared(core, width, height);
        double outer = radius + feather;
        double outerSquared = outer * outer;
        double innerSquared = radius * radius;
        for (int y = 0; y < height; y++) {
            int row = (offsetY + y) * targetWidth + offsetX;
            for (int x = 0; x < width; x++) {
                float d2 = squared[y * width + x];
                if (d2 > outerSquared) {
                    continue;
                }
                int value = d2 <= innerSquared ? 255
                        : (int) Math.round(255 * (outer - Math.sqrt(d2)) / Math.max(feather, 1e-9));
                if (value > (target[row + x] & 0xff)) {
                    target[row + x] = (byte) Math.min(255, value);
                }
            }
        }
    }
}
