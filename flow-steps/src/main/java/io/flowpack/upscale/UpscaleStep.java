package io.flowpack.upscale;

import io.flowpack.document.Part;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageInfo;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.image.ModelRunException;
import io.flowpack.model.image.TileOptions;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

/**
 * {@code flow:upscale?factor=2} or {@code ?longEdge=3840}: enlarges every image part and writes it as a new
 * part named {@code <base>-x<factor>.<ext>} or {@code <base>-<longEdge>.<ext>}, with width, height and the
 * source part id in its metadata. A result larger than the image limit is refused before any pixel is decoded.
 *
 * <p>Two methods: {@code onnx} (the default) runs a super-resolution model, by default the bundled esrgan-slim
 * ×2/×3/×4 ({@link OnnxUpscaler}); {@code lanczos} resamples. The models are those of a {@link ModelRegistry}: the
 * bundled ones plus the models folder, which the no-argument constructor (used by {@code ServiceLoader}) takes from
 * the system property {@value ModelRegistry#MODELS_DIR_PROPERTY}. The audit records the backend, each model run
 * with its sha256 and tiling, and whether Lanczos finished the size.
 */
public final class UpscaleStep implements Step {
    public static final String NAME = "upscale";

    private static final StepDescriptor DESCRIPTOR = new StepDescriptor(NAME,
            "Enlarges images by a factor or to a long edge (esrgan-slim super-resolution, any ONNX model, or Lanczos-3)",
            Set.of("image/*"),
            Set.of(ImageFormat.PNG.mediaType(), ImageFormat.JPEG.mediaType(), ImageFormat.TIFF.mediaType()),
            UpscaleParams.class);

    private final OnnxUpscaler onnx;

    /** Bundled models and the models folder of the system property; the process-wide sessions. */
    public UpscaleStep() {
        this(ModelRegistry.standard(), ModelSessions.shared());
    }

    public UpscaleStep(ModelRegistry models, ModelSessions sessions) {
        this.onnx = new OnnxUpscaler(models, sessions);
    }

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        UpscaleParams params = ctx.params(UpscaleParams.class);
        List<Part> outputs = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ctx.checkCancelled();
            Part input = inputs.get(i);
            String message = "upscaling '" + label(input) + "'";
            ctx.progress((double) i / inputs.size(), message);
            int index = i;
            DoubleConsumer progress = f -> ctx.progress((index + f) / inputs.size(), message);
            outputs.add(upscale(input, params, ctx, progress));
        }
        return outputs;
    }

    private Part upscale(Part input, UpscaleParams params, StepContext ctx, DoubleConsumer progress)
            throws StepException {
        ImageLimits limits = ctx.imageLimits();
        try {
            Path file = ctx.localFile(input);
            ImageInfo info = ImageDecoder.probe(file, limits);
            TargetSize size = TargetSize.of(info.width(), info.height(), params);
            if (size.pixels() > limits.maxPixels()) {
                throw new StepException(String.format(Locale.ROOT,
                        "upscaling '%s' to %d×%d (%.1f MP) exceeds the image limit of %.1f MP; "
                                + "lower factor or longEdge", label(input), size.width(), size.height(),
                        size.pixels() / 1e6, limits.maxPixels() / 1e6));
            }
            if (info.pages() > 1) {
                ctx.log().info("'{}' has {} pages; upscaling the first", label(input), info.pages());
            }
            ImageFormat format = outputFormat(params.format(), info.format());
            BufferedImage image = ImageDecoder.decodeFirst(file, limits);
            BufferedImage result = resize(image, (int) size.width(), (int) size.height(), params, ctx, progress);
            String name = baseName(input, ctx) + size.suffix() + "." + format.extension();
            Map<String, Object> metadata = Map.of("width", result.getWidth(), "height", result.getHeight(),
                    "source", input.id());
            return ctx.newPart(name, format.mediaType(), metadata,
                    out -> ImageEncoder.encode(result, format, params.quality(), out));
        } catch (IOException e) {
            throw ctx.failure("cannot upscale '" + label(input) + "'", e);
        }
    }

    private BufferedImage resize(BufferedImage image, int width, int height, UpscaleParams params, StepContext ctx,
                                 DoubleConsumer progress) throws StepException {
        ctx.audit("backend", params.method() == UpscaleMethod.ONNX ? "onnx" : "lanczos");
        if (params.method() == UpscaleMethod.LANCZOS) {
            return LanczosResampler.resize(image, width, height);
        }
        try {
            OnnxUpscaler.Outcome outcome = onnx.upscale(image, width, height, params.model(),
                    new TileOptions(params.tileSize(), params.tileOverlap()), ctx.imageLimits().maxPixels(), progress,
                    ctx::cancelled);
            List<Map<String, Object>> stages = outcome.stages();
            ctx.audit("model", stages.isEmpty() ? "(none: no enlargement)"
                    : String.join(" + ", stages.stream().map(s -> (String) s.get("model")).toList()));
            ctx.audit("modelSha256", stages.stream().map(s -> (String) s.get("sha256")).toList());
            ctx.audit("tiling", stages.stream().map(s -> (String) s.get("tiling")).toList());
            ctx.audit("stages", stages);
            ctx.audit("finish", outcome.lanczosFinish() ? "lanczos to " + width + "×" + height : "none");
            return outcome.image();
        } catch (ModelLoadException | ModelRunException e) {
            throw new StepException(e.getMessage(), e);
        } catch (CancellationException e) {
            throw new StepCancelledException(ctx.step());
        }
    }

    /** {@code same} keeps JPEG, PNG and TIFF; any other source (GIF, BMP, WebP) becomes PNG. */
    static ImageFormat outputFormat(String requested, ImageFormat source) {
        return switch (requested.toLowerCase(Locale.ROOT)) {
            case "png" -> ImageFormat.PNG;
            case "jpeg", "jpg" -> ImageFormat.JPEG;
            case "tiff", "tif" -> ImageFormat.TIFF;
            default -> source == ImageFormat.JPEG || source == ImageFormat.TIFF ? source : ImageFormat.PNG;
        };
    }

    /** The part's file name without extension, else the document's, else {@code image}. */
    private static String baseName(Part part, StepContext ctx) {
        String name = part.name() != null && !part.name().isBlank() ? part.name() : ctx.document().name();
        if (name == null || name.isBlank()) {
            return "image";
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String label(Part part) {
        return part.name() != null ? part.name() : part.id();
    }
}
