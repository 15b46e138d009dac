package io.flowpack.bench.comfynodes;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.nodes.files.PngWriter;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.upscale.LanczosResampler;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What {@code SaveImage} / {@code PreviewImage} spend on PNG encoding: the graph runner's {@link PngWriter}
 * (straight from the IMAGE floats, zlib level 4 as ComfyUI's SaveImage, level 1 as its PreviewImage) against the
 * baseline of turning the batch item into a BufferedImage and writing it with ImageIO through flowpack's
 * {@link ImageEncoder}. Real photos from {@code samples/}, each at its size and enlarged ×2.
 *
 * <p>Arguments: rounds (default 30).
 */
public final class SavePngBenchmark {

    private SavePngBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.println("| image | ImageIO via ImageEncoder (baseline) | PngWriter level 4 | PngWriter level 1 |"
                + " time level 4 / baseline | time level 1 / baseline | size level 4 / baseline | size level 1 / baseline |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String name : new String[] {"portraits/astronaut.jpg", "coffee.jpg"}) {
            BufferedImage photo = ImageDecoder.decodeFirst(Path.of("samples", name), ImageLimits.DEFAULT);
            for (int scale = 1; scale <= 2; scale++) {
                BufferedImage image = scale == 1 ? photo
                        : LanczosResampler.resize(photo, photo.getWidth() * 2, photo.getHeight() * 2);
                run(name, ImageBatches.of(image), rounds);
            }
        }
    }

    private static void run(String name, ImageBatch batch, int rounds) throws Exception {
        double[] baseline = new double[rounds];
        double[] level4 = new double[rounds];
        double[] level1 = new double[rounds];
        long baselineBytes = 0;
        long level4Bytes = 0;
        long level1Bytes = 0;
        for (int warm = 0; warm < 3; warm++) {
            imageIo(batch);
            PngWriter.write(batch, 0, Map.of(), 4);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            baselineBytes = imageIo(batch);
            long t1 = System.nanoTime();
            level4Bytes = PngWriter.write(batch, 0, Map.of(), 4).length;
            long t2 = System.nanoTime();
            level1Bytes = PngWriter.write(batch, 0, Map.of(), 1).length;
            long t3 = System.nanoTime();
            baseline[r] = (t1 - t0) / 1e6;
            level4[r] = (t2 - t1) / 1e6;
            level1[r] = (t3 - t2) / 1e6;
        }
        double base = median(baseline);
        double four = median(level4);
        double one = median(level1);
        System.out.printf(java.util.Locale.ROOT, "| %s %d×%d | %.1f ms | %.1f ms | %.1f ms | %.2f | %.2f | %.2f | %.2f |%n",
                name, batch.width(), batch.height(), base, four, one, four / base, one / base,
                (double) level4Bytes / baselineBytes, (double) level1Bytes / baselineBytes);
    }

    private static long imageIo(ImageBatch batch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.encode(ImageBatches.image(batch, 0), ImageFormat.PNG, 1f, out);
        return out.size();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
