package io.flowpack.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.flowpack.imaging.Pixels;
import io.flowpack.model.LoadedModel;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.TensorSpec;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.model.image.TileOptions;
import io.flowpack.model.tile.TilePlan;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speed of esrgan-slim ×2 and ×4 on a 1920×1080 photo through flowpack's model layer ({@link ImageToImageModel}:
 * image → tiles → tensors → ONNX Runtime → blended image) against a bare {@code OrtSession.run} loop over the same
 * tiles, whose input tensors are made before the clock starts and whose outputs are not read. Both run in this
 * JVM on the same session, alternating. The layer's overhead is {@code layer time / bare time − 1}, from the
 * fastest round of each (the least disturbed by other processes on a shared machine) and from the process's CPU
 * time (all threads, ONNX Runtime's included), which other processes disturb less than wall time.
 *
 * <pre>
 * java -cp … io.flowpack.bench.ModelLayerSpeedBenchmark [--rounds 5] [photo]
 * </pre>
 *
 * The input is the photo's centred 3840×2160 halved by 2×2 area averaging (the Lanczos benchmark's input).
 */
public final class ModelLayerSpeedBenchmark {

    private ModelLayerSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        Path photo = BenchPhotos.WALLPAPER;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                photo = Path.of(args[i]);
            }
        }
        BufferedImage input = BenchPhotos.halveByArea(BenchPhotos.centre(BenchPhotos.decode(photo), 3840, 2160));
        System.out.printf(Locale.ROOT, "input: %s, centre 3840×2160 halved to %d×%d; java %s, %d processors; "
                        + "1 warm-up and %d timed rounds each, alternating%n", photo, input.getWidth(), input.getHeight(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);
        ModelRegistry registry = ModelRegistry.standard();
        try (ModelSessions sessions = new ModelSessions()) {
            for (int scale : new int[]{2, 4}) {
                LoadedModel loaded = sessions.get(registry.require("esrgan-slim-x" + scale));
                ImageToImageModel model = new ImageToImageModel(loaded);
                TilePlan plan = model.plan(input.getWidth(), input.getHeight(), TileOptions.MANIFEST);
                List<OnnxTensor> tiles = tensors(loaded, plan, input);
                try {
                    double[] layer = new double[rounds];
                    double[] bare = new double[rounds];
                    double[] layerCpu = new double[rounds];
                    double[] bareCpu = new double[rounds];
                    for (int r = -1; r < rounds; r++) {
                        long c0 = cpuNanos();
                        long t0 = System.nanoTime();
                        model.run(input, TileOptions.MANIFEST);
                        long t1 = System.nanoTime();
                        long c1 = cpuNanos();
                        runBare(loaded, tiles);
                        long t2 = System.nanoTime();
                        long c2 = cpuNanos();
                        if (r >= 0) {
                            layer[r] = (t1 - t0) / 1e9;
                            bare[r] = (t2 - t1) / 1e9;
                            layerCpu[r] = (c1 - c0) / 1e9;
                            bareCpu[r] = (c2 - c1) / 1e9;
                            System.out.printf(Locale.ROOT, "  ×%d round %d: layer %.2f s (CPU %.2f s), bare %.2f s "
                                    + "(CPU %.2f s)%n", scale, r + 1, layer[r], layerCpu[r], bare[r], bareCpu[r]);
                        }
                    }
                    report(scale, plan, input, min(layer), min(bare), median(layerCpu), median(bareCpu));
                } finally {
                    tiles.forEach(OnnxTensor::close);
                }
            }
        }
    }

    /** One input tensor per tile of the plan, filled by a plain per-pixel loop (not timed). */
    private static List<OnnxTensor> tensors(LoadedModel model, TilePlan plan, BufferedImage image) throws OrtException {
        TensorSpec spec = model.manifest().inputs(TensorSpec.IMAGE).get(0);
        double[] range = model.manifest().inputRange();
        int w = plan.tensorWidth();
        int h = plan.tensorHeight();
        List<OnnxTensor> tensors = new ArrayList<>();
        for (int row = 0; row < plan.y().count(); row++) {
            for (int column = 0; column < plan.x().count(); column++) {
                float[] values = new float[3 * w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int p = image.getRGB(plan.x().start(column) + x, plan.y().start(row) + y);
                        for (int c = 0; c < 3; c++) {
                            float v = (float) (range[0] + ((p >> (16 - 8 * c)) & 0xff) / 255.0 * (range[1] - range[0]));
                            int index = spec.layout() == io.flowpack.model.TensorLayout.NHWC
                                    ? (y * w + x) * 3 + c : c * w * h + y * w + x;
                            values[index] = v;
                        }
                    }
                }
                tensors.add(OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(values),
                        spec.layout().shape(3, h, w)));
            }
        }
        return tensors;
    }

    private static void runBare(LoadedModel model, List<OnnxTensor> tiles) throws OrtException {
        String input = model.manifest().inputs(TensorSpec.IMAGE).get(0).name();
        OrtSession session = model.session();
        for (OnnxTensor tile : tiles) {
            try (OrtSession.Result ignored = session.run(Map.of(input, tile))) {
                // inference only
            }
        }
    }

    private static void report(int scale, TilePlan plan, BufferedImage input, double layer, double bare,
                               double layerCpu, double bareCpu) {
        double inMp = input.getWidth() * (double) input.getHeight() / 1e6;
        double outMp = inMp * scale * scale;
        System.out.printf(Locale.ROOT, "esrgan-slim ×%d, %s, fastest round: layer %.2f s = %.3f MP/s in, %.2f MP/s "
                        + "out | bare OrtSession.run %.2f s = %.3f MP/s in, %.2f MP/s out | overhead %+.1f %%%n",
                scale, plan.describe(), layer, inMp / layer, outMp / layer, bare, inMp / bare, outMp / bare,
                100 * (layer / bare - 1));
        System.out.printf(Locale.ROOT, "esrgan-slim ×%d, median CPU time: layer %.2f s, bare %.2f s | overhead %+.1f %%%n",
                scale, layerCpu, bareCpu, 100 * (layerCpu / bareCpu - 1));
        System.out.printf(Locale.ROOT, "RESULT scale=%d layer_s=%.3f bare_s=%.3f overhead_pct=%.1f cpu_overhead_pct=%.1f%n",
                scale, layer, bare, 100 * (layer / bare - 1), 100 * (layerCpu / bareCpu - 1));
    }

    /** CPU time of the whole process: every thread, ONNX Runtime's native ones included. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
