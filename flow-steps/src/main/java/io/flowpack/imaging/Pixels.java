package io.flowpack.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Direct access to the pixels of the images flowpack passes around: TYPE_INT_RGB, or TYPE_INT_ARGB
 * (not premultiplied) when there is alpha; 8-bit sRGB; one int per pixel, row by row.
 */
public final class Pixels {

    private Pixels() {
    }

    /**
     * The backing array of a TYPE_INT_RGB/ARGB image (0xAARRGGBB, index x + y * width); writes change the image.
     * In TYPE_INT_RGB the top byte is unused and may hold anything: mask with 0xFFFFFF before comparing.
     *
     * @throws IllegalArgumentException for other types or a sub-image view; use {@link #toIntRgb} first
     */
    public static int[] argb(BufferedImage image) {
        if (!isCompactIntRgb(image)) {
            throw new IllegalArgumentException("not a whole TYPE_INT_RGB/ARGB image (type " + image.getType()
                    + "); convert it with Pixels.toIntRgb first");
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /**
     * Any image as 8-bit sRGB TYPE_INT_RGB, or TYPE_INT_ARGB when it has alpha (alpha is kept; see {@link #flatten}).
     * Converts colour spaces by their ICC profile, scales 16-bit to 8-bit, expands palette and gray.
     * Returns the image itself when it already has that form.
     */
    public static BufferedImage toIntRgb(BufferedImage any) {
        return SrgbConverter.toIntRgb(any);
    }

    /** A new, black (or fully transparent) image of the standard form. */
    public static BufferedImage create(int width, int height, boolean alpha) {
        return new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /** A TYPE_INT_RGB copy with alpha composited over the given background (0xRRGGBB); opaque images just convert. */
    public static BufferedImage flatten(BufferedImage image, int backgroundRgb) {
        BufferedImage rgb = toIntRgb(image);
        if (!rgb.getColorModel().hasAlpha()) {
            return rgb;
        }
        BufferedImage flat = create(rgb.getWidth(), rgb.getHeight(), false);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(new Color(backgroundRgb));
            g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            g.drawImage(rgb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return flat;
    }

    /** Whether the image is TYPE_INT_RGB/ARGB and owns its whole int array (not a sub-image view). */
    static boolean isCompactIntRgb(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            return false;
        }
        WritableRaster raster = image.getRaster();
        return raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getOffset() == 0
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && raster.getDataBuffer().getSize() == image.getWidth() * image.getHeight();
    }
}
