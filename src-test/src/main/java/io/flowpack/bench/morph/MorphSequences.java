package io.flowpack.bench.morph;

import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.imaging.Pixels;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Camera moves over real photos with a known in-between frame: for each photo a pan (the window slides by
 * {@value #PAN} px right and {@value #DRIFT} px down per step) and a zoom (the window shrinks by
 * {@value #ZOOM} per step around a point off the centre). Each case is three frames: {@code prev.png},
 * {@code mid.png} (the truth) and {@code next.png}, all rendered from the photo by the same bicubic resampling.
 *
 * <p>{@code java … MorphSequences <out-dir> <photo>…}
 */
public final class MorphSequences {
    static final int WIDTH = 400;
    static final int HEIGHT = 256;
    static final double PAN = 11.3;
    static final double DRIFT = 2.7;
    static final double ZOOM = 1.06;

    private MorphSequences() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<String> cases = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path photo = Path.of(args[i]);
            BufferedImage image = Pixels.toIntRgb(ImageDecoder.decodeFirst(photo, ImageLimits.DEFAULT));
            String name = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            // the window covers 80 % of the photo's shorter side fit, so every frame stays inside the photo
            double scale = 0.8 * Math.min((double) image.getWidth() / WIDTH, (double) image.getHeight() / HEIGHT);
            double cx = image.getWidth() / 2.0;
            double cy = image.getHeight() / 2.0;
            write(out.resolve("pan-" + name), image, step -> new double[]{cx + step * PAN * scale,
                    cy + step * DRIFT * scale, scale});
            double zx = cx + 0.1 * image.getWidth();
            double zy = cy - 0.05 * image.getHeight();
            write(out.resolve("zoom-" + name), image, step -> new double[]{zx, zy, scale / Math.pow(ZOOM, step)});
            cases.add("pan-" + name);
            cases.add("zoom-" + name);
        }
        System.out.println(String.join(" ", cases));
    }

    /** A window for step −1, 0, +1: centre x, centre y, and photo pixels per frame pixel. */
    private interface Window {
        double[] at(int step);
    }

    private static void write(Path dir, BufferedImage photo, Window window) throws IOException {
        Files.createDirectories(dir);
        String[] names = {"prev", "mid", "next"};
        for (int step = -1; step <= 1; step++) {
            double[] w = window.at(step);
            ImageIO.write(render(photo, w[0], w[1], w[2]), "png", dir.resolve(names[step + 1] + ".png").toFile());
        }
    }

    /** The {@code WIDTH × HEIGHT} view centred on (cx, cy) at {@code scale} photo pixels per frame pixel. */
    static BufferedImage render(BufferedImage photo, double cx, double cy, double scale) {
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        AffineTransform t = new AffineTransform();
        t.translate(WIDTH / 2.0, HEIGHT / 2.0);
        t.scale(1 / scale, 1 / scale);
        t.translate(-cx, -cy);
        g.drawImage(photo, t, null);
        g.dispose();
        return frame;
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d×%d views; pan %.1f px right + %.1f px down per step (sub-pixel); zoom ×%.2f per step",
                WIDTH, HEIGHT, PAN, DRIFT, ZOOM);
    }
}
