package io.flowpack.bench.generate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.onnx.DiffusersFolder;
import io.flowpack.generate.onnx.DiffusersPipeline;
import io.flowpack.generate.onnx.StableDiffusion;
import io.flowpack.generate.onnx.TinyDiffusersModels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Per-step overhead of the Java Stable Diffusion loop around {@code OrtSession.run}, on the tiny generated models,
 * whose UNet does almost no arithmetic: what is left is the pipeline's own work (input scaling and batching, tensor
 * creation, output reading, guidance, the scheduler step with its noise, progress and cancellation checks).
 *
 * <p>Pipeline step = the time between two progress callbacks of a generation (one whole denoising step); bare run =
 * one {@code session.run} of the same UNet file on the same shapes (batch 2, as with guidance) with input tensors made
 * once. ONNX Runtime runs on one thread, the calling one, so both are measured as that thread's CPU time (robust on a
 * loaded machine) and as wall time; the table gives medians over all steps of {@code rounds} generations of
 * {@value #STEPS} steps. Usage: {@code GenerateOverheadBenchmark [rounds] [workDir]}.
 */
public final class GenerateOverheadBenchmark {
    private static final int STEPS = 30;
    private static final String[] SCHEDULERS = {"euler", "euler_ancestral", "ddim", "lcm"};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GenerateOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir")).resolve("tiny-sd");
        TinyDiffusersModels.write(work);
        System.out.printf(Locale.ROOT, "%-6s %-16s %13s %13s %13s %13s %13s%n", "size", "scheduler",
                "step cpu µs", "run cpu µs", "overhead cpu", "step wall µs", "run wall µs");
        try (DiffusersPipeline pipeline = DiffusersPipeline.load(new DiffusersFolder(work), 1);
             Bare bare = new Bare(work.resolve(DiffusersFolder.UNET))) {
            for (int warmUp = 0; warmUp < 3; warmUp++) {                 // let the JIT compile the whole loop first
                for (String scheduler : SCHEDULERS) {
                    steps(pipeline, 64, scheduler, 1);
                    steps(pipeline, 512, scheduler, 1);
                }
                bare.runs(64, STEPS);
                bare.runs(512, STEPS);
            }
            for (int size : new int[]{64, 512}) {
                for (String scheduler : SCHEDULERS) {
                    double[][] step = steps(pipeline, size, scheduler, rounds);
                    double[][] run = bare.runs(size, rounds * (STEPS - 1));
                    double stepCpu = median(step[0]);
                    double runCpu = median(run[0]);
                    System.out.printf(Locale.ROOT, "%-6s %-16s %13.1f %13.1f %13.1f %13.1f %13.1f%n", size + "²",
                            scheduler, stepCpu, runCpu, stepCpu - runCpu, median(step[1]), median(run[1]));
                }
            }
        }
    }

    /** CPU and wall microseconds of each denoising step but the first of each generation. */
    private static double[][] steps(DiffusersPipeline pipeline, int size, String scheduler, int rounds) {
        int perRound = STEPS - 1;
        double[] cpu = new double[rounds * perRound];
        double[] wall = new double[rounds * perRound];
        for (int r = 0; r < rounds; r++) {
            int base = r * perRound;
            long[] last = new long[2];
            StableDiffusion.generate(pipeline, new GenerationRequest("apples on table", "blurry", r, size, size, STEPS,
                    7.5, 1, scheduler, 1.0, null, "tiny"), new GenerationListener() {
                @Override
                public void step(int done, int total) {
                    long nowCpu = THREADS.getCurrentThreadCpuTime();
                    long nowWall = System.nanoTime();
                    if (done > 1) {
                        cpu[base + done - 2] = (nowCpu - last[0]) / 1e3;
                        wall[base + done - 2] = (nowWall - last[1]) / 1e3;
                    }
                    last[0] = nowCpu;
                    last[1] = nowWall;
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
        }
        return new double[][]{cpu, wall};
    }

    /** The UNet in its own session, run on input tensors made once per size. */
    private static final class Bare implements AutoCloseable {
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession session;

        Bare(Path unet) throws Exception {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                session = env.createSession(unet.toString(), options);
            }
        }

        /** CPU and wall microseconds of each of {@code calls} {@code session.run}s. */
        double[][] runs(int size, int calls) throws Exception {
            int h = size / 8;
            float[] sample = new float[2 * 4 * h * h];
            float[] hidden = new float[2 * 77 * TinyDiffusersModels.HIDDEN];
            Arrays.fill(sample, 0.5f);
            Arrays.fill(hidden, 0.25f);
            double[] cpu = new double[calls];
            double[] wall = new double[calls];
            try (OnnxTensor s = OnnxTensor.createTensor(env, FloatBuffer.wrap(sample), new long[]{2, 4, h, h});
                 OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[]{500, 500}), new long[]{2});
                 OnnxTensor e = OnnxTensor.createTensor(env, FloatBuffer.wrap(hidden),
                         new long[]{2, 77, TinyDiffusersModels.HIDDEN})) {
                Map<String, OnnxTensor> inputs = Map.of("sample", s, "timestep", t, "encoder_hidden_states", e);
                for (int i = 0; i < calls; i++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    try (OrtSession.Result ignored = session.run(inputs)) {
                        // only the run is timed
                    }
                    cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e3;
                    wall[i] = (System.nanoTime() - w0) / 1e3;
                }
            }
            return new double[][]{cpu, wall};
        }

        @Override
        public void close() throws Exception {
            session.close();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
