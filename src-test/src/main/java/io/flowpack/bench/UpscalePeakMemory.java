package io.flowpack.bench;

import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.upscale.UpscaleStep;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For {@code src-test/bench/upscale-peak-rss.sh}: {@code prepare <photo> <input.jpg>} writes the photo's centred
 * 4000×3000 as JPEG; {@code run <input.jpg> <work> [factor]} upscales it through the upscale step (default method:
 * the bundled esrgan-slim) to a JPEG and prints the time and its own peak resident memory (VmHWM). The image limit
 * is raised to 200 MP for the 192 MP result of ×4.
 */
public final class UpscalePeakMemory {

    private UpscalePeakMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("prepare")) {
            try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
                ImageEncoder.encode(BenchPhotos.centre(BenchPhotos.decode(Path.of(args[1])), 4000, 3000),
                        ImageFormat.JPEG, 0.95f, out);
            }
            return;
        }
        Path input = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int factor = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        FileBlobStore blobs = new FileBlobStore(work.resolve("blobs"));
        Document doc = Document.of(input.getFileName().toString(),
                Part.base("image/jpeg", input.getFileName().toString(), blobs.put(Files.readAllBytes(input)), Map.of()));
        RunOptions options = new RunOptions(null, null, new ImageLimits(200_000_000L, 512L << 20));
        long t0 = System.nanoTime();
        new StepEngine(blobs).run(doc, new UpscaleStep(), Map.of("factor", factor), options);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Part result = doc.baseParts().get(0);
        System.out.printf("upscaled %s ×%d to %s×%s (%s) in %.1f s; %s; heap limit %d MiB; %s%n", input.getFileName(),
                factor, result.metadata().get("width"), result.metadata().get("height"), result.mediaType(), seconds,
                doc.audit().get(0).details().get("tiling"), Runtime.getRuntime().maxMemory() >> 20,
                Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                        .findFirst().orElse("VmHWM unknown").replaceAll("\\s+", " "));
    }
}
