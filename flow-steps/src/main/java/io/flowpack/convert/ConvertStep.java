package io.flowpack.convert;

import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;
import io.flowpack.upscale.LanczosResampler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code convert}: images to JPEG, PNG or TIFF, optionally fitted into a box (Lanczos-3). Decoding applies EXIF
 * orientation and converts to sRGB, so every output is upright sRGB. Multi-page inputs give one part per page, or one
 * multi-page TIFF.
 */
public final class ConvertStep implements Step {
    private static final StepDescriptor DESCRIPTOR = new StepDescriptor("convert",
            "Converts images to JPEG, PNG or TIFF and fits them into a size", Set.of("image/*"),
            Set.of("image/jpeg", "image/png", "image/tiff"), ConvertParams.class);

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        ConvertParams params = ctx.params(ConvertParams.class);
        List<Part> outputs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Part input = inputs.get(i);
            ctx.checkCancelled();
            try {
                outputs.addAll(convert(input, params, ctx));
            } catch (IOException e) {
                throw ctx.failure("cannot convert '" + input.name() + "'", e);
            }
            ctx.progress((i + 1) / (double) inputs.size(), "converted " + input.name());
        }
        return outputs;
    }

    private List<Part> convert(Part input, ConvertParams params, StepContext ctx) throws IOException {
        ImageFormat format = target(params.format(), input.mediaType());
        String base = MediaTypes.baseName(input.name());
        List<BufferedImage> pages = new ArrayList<>();
        List<Part> outputs = new ArrayList<>();
        int count = ImageDecoder.decodePages(ctx.localFile(input), ctx.imageLimits(), (index, page) -> {
            BufferedImage fitted = fit(page, params.maxWidth(), params.maxHeight());
            if (format == ImageFormat.TIFF) {
                pages.add(fitted);
            } else {
                String name = base + (index == 0 ? "" : "-p" + (index + 1)) + "." + format.extension();
                outputs.add(ctx.newPart(name, format.mediaType(), metadata(fitted, input, index),
                        out -> ImageEncoder.encode(fitted, format, params.quality(), out)));
            }
        });
        if (format == ImageFormat.TIFF) {
            outputs.add(ctx.newPart(base + "." + format.extension(), format.mediaType(),
                    Map.of("pages", pages.size(), "source", input.id()),
                    out -> ImageEncoder.encodeTiffPages(pages, out)));
        } else if (count > 1) {
            // the first page keeps the plain name only when it is alone
            Part first = outputs.get(0);
            outputs.set(0, new Part(first.id(), first.mediaType(), base + "-p1." + format.extension(), first.kind(),
                    first.metadata(), first.blob()));
        }
        return outputs;
    }

    private static Map<String, Object> metadata(BufferedImage image, Part input, int page) {
        return Map.of("width", image.getWidth(), "height", image.getHeight(), "page", page + 1, "source", input.id());
    }

    static ImageFormat target(String requested, String inputMediaType) {
        if (!requested.equals("same")) {
            return ImageFormat.fromName(requested).orElseThrow();
        }
        return ImageFormat.fromName(inputMediaType).filter(ImageFormat::writable).orElse(ImageFormat.PNG);
    }

    /** Scales down to fit the box, keeping the aspect ratio; never enlarges. */
    static BufferedImage fit(BufferedImage image, int maxWidth, int maxHeight) {
        double scale = 1;
        if (maxWidth > 0) {
            scale = Math.min(scale, maxWidth / (double) image.getWidth());
        }
        if (maxHeight > 0) {
            scale = Math.min(scale, maxHeight / (double) image.getHeight());
        }
        if (scale >= 1) {
            return image;
        }
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        return LanczosResampler.resize(image, width, height);
    }
}
