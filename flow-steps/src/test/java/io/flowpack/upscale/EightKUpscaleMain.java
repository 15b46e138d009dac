package io.flowpack.upscale;

import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.TestModels;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by {@link EightKUpscaleTest} in a JVM of its own with a small heap: upscales a 3840×2160 JPEG ×2 to 7680×4320
 * through the upscale step with a generated model, writes the result to {@code <dir>/result.jpg} and prints its
 * peak resident memory. {@code java -Xmx1g -cp … io.flowpack.upscale.EightKUpscaleMain <dir>}
 */
public final class EightKUpscaleMain {

    private EightKUpscaleMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path model = TestModels.blurThenDouble("blur-x2").install(dir.resolve("models"));
        Path input = dir.resolve("input.jpg");
        BufferedImage photo = TestImages.photoLike(3840, 2160, 8);
        try (OutputStream out = Files.newOutputStream(input)) {
            ImageEncoder.encode(photo, ImageFormat.JPEG, 0.9f, out);
        }
        photo = null;
        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        Part part = Part.base("image/jpeg", "input.jpg", blobs.put(Files.readAllBytes(input)), Map.of());
        Document doc = Document.of("input.jpg", part);
        try (ModelSessions sessions = new ModelSessions()) {
            UpscaleStep step = new UpscaleStep(ModelRegistry.of(EightKUpscaleMain.class.getClassLoader(), null), sessions);
            new StepEngine(blobs).run(doc, step, Map.of("factor", 2, "model", model.toString()), RunOptions.DEFAULT);
        }
        Part result = doc.baseParts().get(0);
        try (var in = blobs.open(result.blob())) {
            Files.copy(in, dir.resolve("result.jpg"));
        }
        System.out.println("result " + result.metadata().get("width") + "×" + result.metadata().get("height")
                + ", tiling " + doc.audit().get(0).details().get("tiling"));
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, "
                + Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM unknown").replaceAll("\\s+", " "));
    }
}
