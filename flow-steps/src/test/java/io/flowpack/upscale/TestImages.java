package io.flowpack.upscale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Deterministic images for the resampler tests. */
final class TestImages {
    private TestImages() {
    }

    static BufferedImage constant(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /**
     * Photo-like content: smooth lighting, fine texture (blurred noise), anti-aliased shapes with soft and hard
     * edges and thin lines, so a resampler's sharpness and ringing both show in its PSNR.
     */
    static BufferedImage photoLike(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] texture = blurredNoise(width, height, random);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double light = 0.5 + 0.3 * Math.sin(2.1 * u + 0.7) * Math.cos(1.7 * v);
                double t = texture[y * width + x];
                int r = clamp(255 * light * 0.9 + 30 * t);
                int g = clamp(255 * light * (0.7 + 0.2 * v) + 25 * t);
                int b = clamp(255 * (0.35 + 0.3 * u) + 20 * t);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 25; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120 + random.nextInt(136)));
            double cx = random.nextDouble() * width;
            double cy = random.nextDouble() * height;
            double size = 6 + random.nextDouble() * width / 6;
            if (i % 3 == 0) {
                g.fill(new Ellipse2D.Double(cx, cy, size, size * (0.4 + random.nextDouble())));
            } else if (i % 3 == 1) {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(cx, cy);
                path.lineTo(cx + size, cy + random.nextDouble() * size);
                path.lineTo(cx + random.nextDouble() * size, cy - size);
                path.closePath();
                g.fill(path);
            } else {
                g.setStroke(new BasicStroke((float) (0.8 + random.nextDouble() * 2.5)));
                g.drawLine((int) cx, (int) cy, (int) (cx + size * 2 * (random.nextDouble() - 0.5)),
                        (int) (cy + size * 2 * (random.nextDouble() - 0.5)));
            }
        }
        g.dispose();
        return image;
    }

    /** 2× smaller by averaging each 2×2 block ("area" downscaling). */
    static BufferedImage halveByArea(BufferedImage src) {
        int width = src.getWidth() / 2;
        int height = src.getHeight() / 2;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] p = {src.getRGB(2 * x, 2 * y), src.getRGB(2 * x + 1, 2 * y),
                        src.getRGB(2 * x, 2 * y + 1), src.getRGB(2 * x + 1, 2 * y + 1)};
                int rgb = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int sum = 0;
                    for (int q : p) {
                        sum += (q >> shift) & 0xff;
                    }
                    rgb |= ((sum + 2) / 4) << shift;
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    private static float[] blurredNoise(int width, int height, Random random) {
        float[] noise = new float[width * height];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        float[] blurred = new float[noise.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < width && yy < height) {
                            sum += noise[yy * width + xx];
                            n++;
                        }
                    }
                }
                blurred[y * width + x] = sum / n * 1.5f;
            }
        }
        return blurred;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
