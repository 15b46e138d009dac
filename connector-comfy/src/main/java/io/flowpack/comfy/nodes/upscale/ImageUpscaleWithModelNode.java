package io.flowpack.comfy.nodes.upscale;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInterruptedException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.Interruption;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.model.image.ModelRunException;
import io.flowpack.model.image.TileOptions;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * ComfyUI's {@code ImageUpscaleWithModel} ("Upscale Image (using Model)"): every image of the batch through the
 * {@link UpscaleModel} with flowpack's tiled ONNX adapter ({@link ImageToImageModel}, the model's own tile size and
 * overlap, feathered seams). Progress is reported per tile over the whole batch; an interrupt stops between tiles.
 * A result over the image limit is refused before any tile runs.
 */
public final class ImageUpscaleWithModelNode implements ComfyNode {
    private static final String CLASS = "ImageUpscaleWithModel";
    private static final NodeDefinition DEFINITION = new NodeDefinition(CLASS, "Upscale Image (using Model)",
            "image/upscaling", "", List.of(InputSpec.link("upscale_model", "UPSCALE_MODEL"),
            InputSpec.link("image", "IMAGE")), List.of(), List.of(OutputSpec.of("IMAGE")), false, false)
            .withPythonModule(UpscaleModelLoaderNode.MODULE);

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        UpscaleModel upscaler = in.required("upscale_model", UpscaleModel.class, "an UPSCALE_MODEL");
        ImageBatch image = in.image("image");
        ImageToImageModel model = upscaler.model();
        int scale = model.scale();
        long pixels = (long) image.width() * scale * image.height() * scale;
        if (pixels > context.imageLimits().maxPixels()) {
            throw new NodeException(String.format(Locale.ROOT,
                    "%s: upscaling %dx%d by %d gives %.1f MP, over the image limit of %.1f MP", CLASS, image.width(),
                    image.height(), scale, pixels / 1e6, context.imageLimits().maxPixels() / 1e6), null, "ValueError");
        }
        int tilesPerImage = model.plan(image.width(), image.height(), TileOptions.MANIFEST).count();
        long total = (long) tilesPerImage * image.size();
        BooleanSupplier interrupted = Interruption.of(context);
        List<BufferedImage> results = new ArrayList<>(image.size());
        try {
            for (int i = 0; i < image.size(); i++) {
                context.checkInterrupted();
                long before = (long) i * tilesPerImage;
                context.progress(before, total);
                ImageToImageModel.Result result = model.run(ImageBatches.image(image, i), null, TileOptions.MANIFEST,
                        (done, count) -> context.progress(before + done, total), interrupted);
                results.add(result.image());
            }
        } catch (CancellationException e) {
            throw new NodeInterruptedException();
        } catch (ModelRunException e) {
            throw new NodeException(CLASS + ": " + e.getMessage(), e, "RuntimeError");
        }
        return NodeOutput.of(ImageBatches.of(results));
    }
}
