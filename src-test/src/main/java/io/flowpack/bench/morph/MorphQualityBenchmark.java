package io.flowpack.bench.morph;

import io.flowpack.imaging.Pixels;
import io.flowpack.morph.CrossfadeInterpolator;
import io.flowpack.morph.FlowInterpolator;
import io.flowpack.morph.Interpolator;
import io.flowpack.morph.RgbFrame;
import io.flowpack.upscale.LumaMetrics;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Interpolation quality: for each case of {@link MorphSequences}, the middle frame predicted from {@code prev.png}
 * and {@code next.png} by flowpack's flow morph, a plain cross-fade and (when the script left it there as
 * {@code minterpolate.png}) ffmpeg's minterpolate, scored against {@code mid.png}: luma PSNR and SSIM (BT.601,
 * 11×11 Gaussian SSIM) with a {@value #SHAVE} px border left out (content entering the view exists in one
 * neighbour only).
 *
 * <p>{@code java … MorphQualityBenchmark <cases-dir> <case>…}
 */
public final class MorphQualityBenchmark {
    static final int SHAVE = 16;

    private MorphQualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        System.out.println("cases: " + MorphSequences.describe() + "; metrics on luma, border " + SHAVE + " px");
        System.out.printf(Locale.ROOT, "%-26s %16s %16s %16s%n", "case", "flowpack flow", "cross-fade",
                "minterpolate");
        Map<String, double[]> sums = new LinkedHashMap<>();
        int count = 0;
        for (int i = 1; i < args.length; i++) {
            Path dir = root.resolve(args[i]);
            BufferedImage prev = read(dir.resolve("prev.png"));
            BufferedImage mid = read(dir.resolve("mid.png"));
            BufferedImage next = read(dir.resolve("next.png"));
            Map<String, BufferedImage> predictions = new LinkedHashMap<>();
            predictions.put("flow", predict(new FlowInterpolator(true), prev, next));
            predictions.put("crossfade", predict(new CrossfadeInterpolator(), prev, next));
            Path minterpolate = dir.resolve("minterpolate.png");
            predictions.put("minterpolate", Files.exists(minterpolate) ? read(minterpolate) : null);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-26s", args[i]));
            for (Map.Entry<String, BufferedImage> p : predictions.entrySet()) {
                if (p.getValue() == null) {
                    row.append(String.format(Locale.ROOT, " %16s", "—"));
                    continue;
                }
                double psnr = LumaMetrics.psnr(mid, p.getValue(), SHAVE);
                double ssim = LumaMetrics.ssim(mid, p.getValue(), SHAVE);
                double[] sum = sums.computeIfAbsent(p.getKey(), k -> new double[3]);
                sum[0] += psnr;
                sum[1] += ssim;
                sum[2]++;
                row.append(String.format(Locale.ROOT, " %7.2f / %.4f", psnr, ssim));
            }
            System.out.println(row);
            count++;
        }
        StringBuilder mean = new StringBuilder(String.format(Locale.ROOT, "%-26s", "mean of " + count));
        for (double[] sum : sums.values()) {
            mean.append(String.format(Locale.ROOT, " %7.2f / %.4f", sum[0] / sum[2], sum[1] / sum[2]));
        }
        System.out.println(mean);
        System.out.println("(each cell: PSNR dB / SSIM)");
    }

    private static BufferedImage predict(Interpolator interpolator, BufferedImage prev, BufferedImage next)
            throws Exception {
        int[] frame = interpolator.between(frame(prev), frame(next)).frame(0.5);
        BufferedImage image = new BufferedImage(prev.getWidth(), prev.getHeight(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, prev.getWidth(), prev.getHeight(), frame, 0, prev.getWidth());
        return image;
    }

    static RgbFrame frame(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xffffff;
        }
        return new RgbFrame(image.getWidth(), image.getHeight(), pixels);
    }

    static BufferedImage read(Path file) throws Exception {
        return Pixels.toIntRgb(ImageIO.read(file.toFile()));
    }
}
