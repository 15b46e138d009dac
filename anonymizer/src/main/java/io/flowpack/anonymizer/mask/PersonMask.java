package io.flowpack.anonymizer.mask;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The pixels to remove, one byte per image pixel, row by row: 255 = remove, 0 = keep, between = the soft edge.
 * 12 MB for a 4000×3000 photo.
 */
public final class PersonMask {
    private final int width;
    private final int height;
    private final byte[] alpha;

    /** Wraps {@code alpha} (not copied). */
    public PersonMask(int width, int height, byte[] alpha) {
        if (alpha.length != width * height) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + width * height
                    + " values, got " + alpha.length);
        }
        this.width = width;
        this.height = height;
        this.alpha = alpha;
    }

    public static PersonMask empty(int width, int height) {
        return new PersonMask(width, height, new byte[width * height]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing values, 0..255 as unsigned bytes; writes change the mask. */
    public byte[] alpha() {
        return alpha;
    }

    /** The value at a pixel, 0 (keep) to 1 (remove). */
    public float at(int x, int y) {
        return (alpha[y * width + x] & 0xff) / 255f;
    }

    /** Whether no pixel is to be removed. */
    public boolean isEmpty() {
        for (byte a : alpha) {
            if (a != 0) {
                return false;
            }
        }
        return true;
    }

    /** The share of the image to remove, in percent: the mask's values summed (a soft edge counts in part). */
    public double areaPercent() {
        long sum = 0;
        for (byte a : alpha) {
            sum += a & 0xff;
        }
        return 100.0 * sum / (255.0 * alpha.length);
    }

    /** The mean value (0..1) over a rectangle, clipped to the image. */
    public double mean(int x, int y, int w, int h) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        long sum = 0;
        for (int j = y0; j < y1; j++) {
            for (int i = x0; i < x1; i++) {
                sum += alpha[j * width + i] & 0xff;
            }
        }
        return sum / (255.0 * (x1 - x0) * (y1 - y0));
    }

    /** A grayscale copy for previews: white where pixels are removed. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(alpha, 0, data, 0, alpha.length);
        return image;
    }
}
