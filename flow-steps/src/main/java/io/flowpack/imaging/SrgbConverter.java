package io.flowpack.imaging;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Set;

/**
 * Brings any decoded image to 8-bit sRGB in TYPE_INT_RGB, or TYPE_INT_ARGB (not premultiplied) when it has alpha.
 * Three bulk paths, never a getRGB loop: ICC conversion with {@link ColorConvertOp}; Java2D's blit loops for the
 * standard 8-bit layouts and palettes; a row-wise raster copy for gray, 16-bit and other component layouts.
 */
final class SrgbConverter {
    /** sRGB layouts Java2D blits to INT_RGB/ARGB with native loops. */
    private static final Set<Integer> BLITTABLE = Set.of(BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_USHORT_565_RGB,
            BufferedImage.TYPE_USHORT_555_RGB, BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_BYTE_BINARY);

    private SrgbConverter() {
    }

    static BufferedImage toIntRgb(BufferedImage image) {
        if (Pixels.isCompactIntRgb(image)) {
            return image;
        }
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        if (!space.isCS_sRGB() && !isUntaggedGray(space)) {
            return convertColorSpace(image);
        }
        if (model instanceof IndexColorModel || BLITTABLE.contains(image.getType()) || !isIntegralComponents(model)) {
            return blit(image);
        }
        return copyComponents(image);
    }

    /**
     * The same pixels, declared to be in the given profile's colour space (for profiles a reader ignored, like
     * PNG's iCCP). Returns the image unchanged when the profile does not fit its channels.
     */
    static BufferedImage assignProfile(BufferedImage image, ICC_Profile profile) {
        ColorSpace space;
        try {
            space = new ICC_ColorSpace(profile);
        } catch (RuntimeException unusable) {                   // e.g. a device-link or abstract profile
            return image;
        }
        ColorModel model = image.getColorModel();
        if (model instanceof ComponentColorModel && model.getNumColorComponents() == space.getNumComponents()
                && isIntegralComponents(model)) {
            ColorModel tagged = new ComponentColorModel(space, model.hasAlpha(), model.isAlphaPremultiplied(),
                    model.getTransparency(), model.getTransferType());
            return new BufferedImage(tagged, image.getRaster(), model.isAlphaPremultiplied(), null);
        }
        if (space.getType() == ColorSpace.TYPE_RGB && model.getColorSpace().getType() == ColorSpace.TYPE_RGB) {
            BufferedImage rgb = toIntRgb(image);                  // palette: expand, then tag the packed pixels
            boolean alpha = rgb.getColorModel().hasAlpha();
            ColorModel tagged = new DirectColorModel(space, alpha ? 32 : 24, 0xFF0000, 0xFF00, 0xFF,
                    alpha ? 0xFF000000 : 0, false, DataBuffer.TYPE_INT);
            return new BufferedImage(tagged, rgb.getRaster(), false, null);
        }
        return image;
    }

    /**
     * The JDK's built-in gray space is linear, but untagged gray files (PNG, JPEG, TIFF) hold gamma-encoded values;
     * like browsers we show them as sRGB gray, value v becoming (v, v, v).
     */
    private static boolean isUntaggedGray(ColorSpace space) {
        return space == ColorSpace.getInstance(ColorSpace.CS_GRAY);
    }

    private static boolean isIntegralComponents(ColorModel model) {
        int transfer = model.getTransferType();
        return model instanceof ComponentColorModel
                && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT || transfer == DataBuffer.TYPE_INT)
                && (model.getNumColorComponents() == 1 || model.getNumColorComponents() == 3);
    }

    private static BufferedImage convertColorSpace(BufferedImage image) {
        BufferedImage srgb = Pixels.create(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
        new ColorConvertOp(null).filter(image, srgb);
        return srgb;
    }

    private static BufferedImage blit(BufferedImage image) {
        BufferedImage srgb = Pixels.create(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
        Graphics2D g = srgb.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return srgb;
    }

    /** Gray or RGB components of any bit depth, with or without alpha, scaled to 8 bits with rounding. */
    private static BufferedImage copyComponents(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int bands = raster.getNumBands();
        boolean gray = model.getNumColorComponents() == 1;
        boolean alpha = model.hasAlpha();
        boolean premultiplied = alpha && model.isAlphaPremultiplied();
        long[] max = new long[bands];
        for (int band = 0; band < bands; band++) {
            max[band] = (1L << model.getComponentSize(band)) - 1;
        }
        BufferedImage srgb = Pixels.create(width, height, alpha);
        int[] out = Pixels.argb(srgb);
        int[] row = new int[width * bands];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            int o = y * width;
            for (int x = 0, i = 0; x < width; x++, i += bands) {
                int r = to8Bits(row[i], max[0]);
                int g = gray ? r : to8Bits(row[i + 1], max[1]);
                int b = gray ? r : to8Bits(row[i + 2], max[2]);
                int a = alpha ? to8Bits(row[i + bands - 1], max[bands - 1]) : 255;
                if (premultiplied && a > 0 && a < 255) {
                    r = Math.min(255, (r * 255 + a / 2) / a);
                    g = Math.min(255, (g * 255 + a / 2) / a);
                    b = Math.min(255, (b * 255 + a / 2) / a);
                }
                out[o + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return srgb;
    }

    private static int to8Bits(int value, long max) {
        if (max == 255) {
            return value & 0xFF;
        }
        return (int) Math.min(255, ((value & 0xFFFFFFFFL) * 255 + max / 2) / max);
    }
}
