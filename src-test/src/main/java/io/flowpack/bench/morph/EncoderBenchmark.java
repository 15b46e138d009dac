package io.flowpack.bench.morph;

import io.flowpack.morph.FlowInterpolator;
import io.flowpack.morph.FrameBlend;
import io.flowpack.morph.Interpolator;
import io.flowpack.morph.MorphTimeline;
import io.flowpack.morph.RgbFrame;
import io.flowpack.video.FrameSink;
import io.flowpack.video.VideoFormat;
import io.flowpack.video.VideoSpec;
import io.flowpack.video.VideoWriters;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.jcodec.api.awt.AWTSequenceEncoder;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * H.264 encoder choice: the 210 frames of the speed benchmark's morph (640×360, 8 fps), rendered once into memory,
 * then encoded by FFmpeg's OpenH264 (through bytedeco, at several qualities) and by jcodec 0.2.5's pure-Java
 * encoder; for each: encoding wall and CPU seconds (medians of 3), file size, and the mean luma PSNR of the decoded frames against
 * the frames encoded (decoded by FFmpeg for both).
 *
 * <p>{@code java -Xmx2g … EncoderBenchmark <keyframes-dir> <out-dir>}
 */
public final class EncoderBenchmark {

    private EncoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path keyframes = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<int[]> frames = render(keyframes);
        int w = MorphSpeedBenchmark.WIDTH;
        int h = MorphSpeedBenchmark.HEIGHT;
        System.out.printf(Locale.ROOT, "%d frames %d×%d @ %d fps%n", frames.size(), w, h, MorphSpeedBenchmark.FPS);
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %12s %12s%n", "encoder", "wall s", "CPU s", "bytes",
                "luma PSNR");
        for (float quality : new float[]{0.6f, 0.75f, 0.9f}) {
            Path file = out.resolve("openh264-q" + quality + ".mp4");
            double[] seconds = median(() -> ffmpeg(frames, file, quality));
            report("FFmpeg OpenH264 quality=" + quality, seconds, file, frames);
        }
        Path jcodec = out.resolve("jcodec.mp4");
        double[] seconds = median(() -> jcodec(frames, jcodec));
        report("jcodec 0.2.5 (AWTSequenceEncoder)", seconds, jcodec, frames);
    }

    private interface Encoding {
        void run() throws Exception;
    }

    /** Median wall and process CPU seconds of 3 runs. */
    private static double[] median(Encoding encoding) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] times = new double[3];
        double[] cpu = new double[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            encoding.run();
            times[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
        }
        java.util.Arrays.sort(times);
        java.util.Arrays.sort(cpu);
        return new double[]{times[1], cpu[1]};
    }

    private static void ffmpeg(List<int[]> frames, Path file, float quality) throws Exception {
        VideoSpec spec = new VideoSpec(MorphSpeedBenchmark.WIDTH, MorphSpeedBenchmark.HEIGHT, MorphSpeedBenchmark.FPS,
                VideoFormat.MP4, quality);
        try (FrameSink sink = VideoWriters.open(spec, file)) {
            for (int[] frame : frames) {
                sink.write(frame);
            }
            sink.finish();
        }
    }

    private static void jcodec(List<int[]> frames, Path file) throws Exception {
        AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), MorphSpeedBenchmark.FPS);
        BufferedImage image = new BufferedImage(MorphSpeedBenchmark.WIDTH, MorphSpeedBenchmark.HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        for (int[] frame : frames) {
            image.setRGB(0, 0, image.getWidth(), image.getHeight(), frame, 0, image.getWidth());
            encoder.encodeImage(image);
        }
        encoder.finish();
    }

    private static void report(String name, double[] seconds, Path file, List<int[]> frames) throws Exception {
        System.out.printf(Locale.ROOT, "%-34s %10.2f %10.2f %12d %9.2f dB%n", name, seconds[0], seconds[1],
                Files.size(file), meanLumaPsnr(file, frames));
    }

    private static double meanLumaPsnr(Path file, List<int[]> frames) throws Exception {
        double sum = 0;
        int count = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            for (Frame frame; (frame = grabber.grabImage()) != null && count < frames.size(); count++) {
                BufferedImage image = converter.convert(frame);
                int[] decoded = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                sum += lumaPsnr(frames.get(count), decoded);
            }
            grabber.stop();
        }
        if (count != frames.size()) {
            throw new IllegalStateException(file + " holds " + count + " frames, expected " + frames.size());
        }
        return sum / count;
    }

    private static double lumaPsnr(int[] a, int[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = luma(a[i]) - luma(b[i]);
            sum += d * d;
        }
        double mse = sum / a.length;
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static double luma(int p) {
        return 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
    }

    /** The flow morph of the keyframes, every frame in memory (as the encoders get them). */
    private static List<int[]> render(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        List<RgbFrame> keyframes = new ArrayList<>();
        for (Path file : files) {
            keyframes.add(MorphQualityBenchmark.frame(MorphQualityBenchmark.read(file)));
        }
        MorphTimeline timeline = MorphTimeline.even(keyframes.size(), MorphSpeedBenchmark.FRAMES);
        FlowInterpolator flow = new FlowInterpolator(true);
        List<int[]> frames = new ArrayList<>();
        Interpolator.Transition transition = null;
        int from = -1;
        for (int f = 0; f < timeline.frames(); f++) {
            FrameBlend blend = timeline.blend(f);
            if (blend.isKeyframe()) {
                frames.add(keyframes.get(blend.from()).pixels());
                continue;
            }
            if (blend.from() != from) {
                transition = flow.between(keyframes.get(blend.from()), keyframes.get(blend.to()));
                from = blend.from();
            }
            frames.add(transition.frame(blend.weight()));
        }
        return frames;
    }
}
