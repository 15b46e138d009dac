package io.flowpack.upscale;

import io.flowpack.document.Part;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageInfo;
import io.flowpack.imaging.ImageLimits;
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

/**
 * {@code flow:upscale?factor=2} or {@code ?longEdge=3840}: enlarges every image part and writes it as a new
 * part named {@code <base>-x<factor>.<ext>} or {@code <base>-<longEdge>.<ext>}, with width, height and the
 * source part id in its metadata. A result larger than the image limit is refused before any pixel is decoded.
 */
public final class UpscaleStep implements Step {
    public static final String NAME = "upscale";

    private static final StepDescriptor DESCRIPTOR = new StepDescriptor(NAME,
            "Enlarges images by a factor or to a long edge (Lanczos-3)", Set.of("image/*"),
            Set.of(ImageFormat.PNG.mediaType(), ImageFormat.JPEG.mediaType(), ImageFormat.TIFF.mediaType()),
            UpscaleParams.class);

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
            ctx.progress((double) i / inputs.size(), "upscaling '" + label(input) + "'");
            outputs.add(upscale(input, params, ctx));
        }
        return outputs;
    }

    private static Part upscale(Part input, UpscaleParams params, StepContext ctx) throws StepException {
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
            BufferedImage result = resize(image, (int) size.width(), (int) size.height(), params.method());
            String name = baseName(input, ctx) + size.suffix() + "." + format.extension();
            Map<String, Object> metadata = Map.of("width", result.getWidth(), "height", result.getHeight(),
                    "source", input.id());
            return ctx.newPart(name, format.mediaType(), metadata,
                    out -> ImageEncoder.encode(result, format, params.quality(), out));
        } catch (IOException e) {
            throw ctx.failure("cannot upscale '" + label(input) + "'", e);
        }
    }

    private static BufferedImage resize(BufferedImage image, int width, int height, UpscaleMethod method) {
        return switch (method) {
            case LANCZOS -> LanczosResampler.resize(image, width, height);
        };
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
