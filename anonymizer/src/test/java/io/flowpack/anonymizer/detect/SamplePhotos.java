package io.flowpack.anonymizer.detect;

import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.imaging.Pixels;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** The public-domain photos of {@code samples/}, and composites made from them. */
public final class SamplePhotos {
    public static final Path SAMPLES = Path.of("..", "samples");

    private SamplePhotos() {
    }

    public static BufferedImage photo(String name) {
        try {
            return Pixels.toIntRgb(ImageDecoder.decodeFirst(SAMPLES.resolve(name), ImageLimits.DEFAULT));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read sample " + name + ": " + e.getMessage(), e);
        }
    }

    /** {@code background} stretched to {@code width × height} with {@code person} scaled to {@code personHeight}
     * pasted at ({@code x}, {@code y}). */
    public static BufferedImage composite(String background, int width, int height, String person, int x, int y,
                                          int personHeight) {
        BufferedImage canvas = Pixels.create(width, height, false);
        BufferedImage cutout = photo(person);
        int personWidth = personHeight * cutout.getWidth() / cutout.getHeight();
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(photo(background), 0, 0, width, height, null);
            g.drawImage(cutout, x, y, personWidth, personHeight, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }
}
