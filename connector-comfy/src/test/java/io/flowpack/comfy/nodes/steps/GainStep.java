package io.flowpack.comfy.nodes.steps;

import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.Pixels;
import io.flowpack.step.Param;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test step with one parameter of every kind: multiplies (or offsets) the pixels of each picture, only inside its
 * review mask {@code <name>.mask.png} when there is one, and delivers a JSON report per picture.
 */
public final class GainStep implements Step {
    public enum Operation { MULTIPLY, ADD_CONSTANT }

    public enum MaskMode { REPLACE, EXTEND }

    public record GainParams(
            @Param(description = "Factor for multiply", defaultValue = "1.5", min = 0, max = 4) float gain,
            @Param(description = "Value for add-constant", defaultValue = "0.1", min = -1, max = 1) double offset,
            @Param(description = "What to do with the pixels", defaultValue = "multiply") Operation operation,
            @Param(description = "Pixels added to the first picture's width", defaultValue = "0", min = 0, max = 64)
            int padFirst,
            @Param(description = "A seed", defaultValue = "7", min = 0, max = 9999999999L) long seed,
            @Param(description = "Whether to write the report", defaultValue = "true") boolean report,
            @Param(description = "Report style", defaultValue = "short", allowed = {"short", "long"}) String style,
            @Param(description = "Free text for the report") String note,
            @Param(description = "How a review mask combines", defaultValue = "replace") MaskMode maskMode) {
    }

    static final StepDescriptor DESCRIPTOR = new StepDescriptor("gain", "Multiplies pixel values",
            Set.of("image/*"), Set.of("image/png", MediaTypes.JSON), GainParams.class);

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        GainParams params = ctx.params(GainParams.class);
        List<Part> pictures = inputs.stream().filter(p -> !p.name().endsWith(".mask.png")).toList();
        List<Part> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < pictures.size(); i++) {
                ctx.checkCancelled();
                ctx.progress((double) i / pictures.size(), "gain");
                Part picture = pictures.get(i);
                String base = MediaTypes.baseName(picture.name());
                Optional<Part> mask = inputs.stream().filter(p -> p.name().equals(base + ".mask.png")).findFirst();
                BufferedImage image = Pixels.toIntRgb(ImageDecoder.decodeFirst(ctx.localFile(picture),
                        ctx.imageLimits()));
                int[] maskPixels = mask.isPresent() ? Pixels.argb(Pixels.toIntRgb(
                        ImageDecoder.decodeFirst(ctx.localFile(mask.get()), ctx.imageLimits()))) : null;
                int pad = i == 0 ? params.padFirst() : 0;
                BufferedImage result = Pixels.create(image.getWidth() + pad, image.getHeight(), false);
                int[] src = Pixels.argb(image);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int p = src[y * image.getWidth() + x];
                        boolean inside = maskPixels == null || (maskPixels[y * image.getWidth() + x] & 0xff) > 127;
                        result.setRGB(x, y, inside ? apply(p, params) : p);
                    }
                }
                outputs.add(ctx.newPart(base + "-gain.png", "image/png", Map.of(),
                        out -> ImageEncoder.encode(result, ImageFormat.PNG, 1f, out)));
                if (params.report()) {
                    byte[] json = ("{\"picture\":\"" + picture.name() + "\",\"masked\":" + mask.isPresent()
                            + ",\"note\":\"" + (params.note() == null ? "none" : params.note()) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    outputs.add(ctx.newPart(base + ".gain.json", MediaTypes.JSON, Map.of(Part.DELIVER, true),
                            out -> out.write(json)).withKind(PartKind.META));
                }
            }
        } catch (IOException e) {
            throw ctx.failure("gain failed", e);
        }
        return outputs;
    }

    private static int apply(int rgb, GainParams params) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double v = (rgb >> shift) & 0xff;
            v = params.operation() == Operation.MULTIPLY ? v * params.gain() : v + params.offset() * 255;
            out |= (int) Math.max(0, Math.min(255, Math.round(v))) << shift;
        }
        return out;
    }
}
