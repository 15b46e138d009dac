package io.flowpack.bench;

import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.model.image.TileOptions;
import io.flowpack.upscale.BicubicDownscale;
import io.flowpack.upscale.LanczosResampler;
import io.flowpack.upscale.LumaMetrics;
import io.flowpack.upscale.Psnr;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The super-resolution quality table: every photo in {@code samples/} is shrunk ×2 and ×4 and enlarged again by
 * java.awt bicubic, flowpack's Lanczos-3 and the bundled esrgan-slim; each result is compared with the photo.
 * Metrics as in super-resolution papers: PSNR and SSIM (Gaussian 11×11, σ 1.5) on BT.601 luma with a border of
 * {@code scale} pixels left out; plus PSNR over R, G and B.
 *
 * <pre>
 * java -cp … io.flowpack.bench.SuperResolutionQualityBenchmark [--degradation bicubic|area]
 * </pre>
 *
 * {@code bicubic} (the default) shrinks like MATLAB's {@code imresize} (the papers' protocol); {@code area} averages
 * 2×2 blocks (twice for ×4).
 */
public final class SuperResolutionQualityBenchmark {
    private static final String[] METHODS = {"bicubic (java.awt)", "lanczos-3", "esrgan-slim"};

    private SuperResolutionQualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean area = args.length == 2 && args[0].equals("--degradation") && args[1].equals("area");
        List<Path> photos = BenchPhotos.samples();
        ModelRegistry registry = ModelRegistry.standard();
        try (ModelSessions sessions = new ModelSessions()) {
            for (int scale : new int[]{2, 4}) {
                ImageToImageModel model = new ImageToImageModel(sessions.get(registry.require("esrgan-slim-x" + scale)));
                System.out.printf(Locale.ROOT, "%n×%d, shrunk by %s; luma PSNR dB / luma SSIM / RGB PSNR dB%n%n", scale,
                        area ? "2×2 area averaging" : "MATLAB-style bicubic");
                System.out.printf("| photo | %s | %s | %s |%n|---|---|---|---|%n", (Object[]) METHODS);
                double[][] sums = new double[METHODS.length][3];
                for (Path photo : photos) {
                    BufferedImage original = BenchPhotos.decode(photo);
                    BufferedImage small = area ? areaShrink(original, scale) : BicubicDownscale.of(original, scale);
                    int width = small.getWidth() * scale;
                    int height = small.getHeight() * scale;
                    BufferedImage reference = BenchPhotos.centre(original.getSubimage(0, 0, width, height), width, height);
                    Map<String, UnaryOperator<BufferedImage>> methods = new LinkedHashMap<>();
                    methods.put(METHODS[0], s -> LanczosBenchmark.bicubic(s, width, height));
                    methods.put(METHODS[1], s -> LanczosResampler.resize(s, width, height));
                    methods.put(METHODS[2], s -> model.run(s, TileOptions.MANIFEST).image());
                    StringBuilder row = new StringBuilder("| " + photo.getFileName() + " (" + small.getWidth() + "×"
                            + small.getHeight() + " → " + width + "×" + height + ")");
                    int m = 0;
                    for (UnaryOperator<BufferedImage> method : methods.values()) {
                        BufferedImage result = method.apply(small);
                        double[] score = {LumaMetrics.psnr(reference, result, scale),
                                LumaMetrics.ssim(reference, result, scale), Psnr.of(reference, result)};
                        for (int k = 0; k < 3; k++) {
                            sums[m][k] += score[k];
                        }
                        row.append(String.format(Locale.ROOT, " | %.2f / %.4f / %.2f", score[0], score[1], score[2]));
                        m++;
                    }
                    System.out.println(row.append(" |"));
                }
                StringBuilder mean = new StringBuilder("| **mean**");
                for (double[] sum : sums) {
                    mean.append(String.format(Locale.ROOT, " | **%.2f / %.4f / %.2f**", sum[0] / photos.size(),
                            sum[1] / photos.size(), sum[2] / photos.size()));
                }
                System.out.println(mean.append(" |"));
            }
        }
    }

    private static BufferedImage areaShrink(BufferedImage image, int scale) {
        BufferedImage small = image;
        for (int s = scale; s > 1; s /= 2) {
            small = BenchPhotos.halveByArea(small);
        }
        return small;
    }
}
