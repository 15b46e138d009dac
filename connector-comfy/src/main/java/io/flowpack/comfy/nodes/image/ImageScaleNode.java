package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;

import java.util.List;
import java.util.Map;

/**
 * ComfyUI's {@code ImageScale} ("Upscale Image"): to {@code width × height}; 0 in one dimension keeps the aspect
 * ratio, 0 in both passes the image through; {@code crop=center} first cuts the source to the target's aspect.
 */
public final class ImageScaleNode implements ComfyNode {
    private static final NodeDefinition DEFINITION = new NodeDefinition("ImageScale", "Upscale Image",
            "image/upscaling", "", List.of(InputSpec.link("image", "IMAGE"),
            Widgets.combo("upscale_method", Resampling.NAMES),
            Widgets.integer("width", 512, 0, Widgets.MAX_RESOLUTION, 1),
            Widgets.integer("height", 512, 0, Widgets.MAX_RESOLUTION, 1),
            Widgets.combo("crop", ImageScaling.CROPS)),
            List.of(), List.of(OutputSpec.of("IMAGE")), false, false);

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs("ImageScale", inputs);
        ImageBatch image = in.image("image");
        Resampling method = Resampling.of(in.choice("upscale_method", Resampling.NAMES));
        boolean center = in.choice("crop", ImageScaling.CROPS).equals("center");
        int width = in.integer("width");
        int height = in.integer("height");
        if (width < 0 || height < 0) {
            throw new NodeException("ImageScale: width and height must not be negative", null, "ValueError");
        }
        if (width == 0 && height == 0) {
            return NodeOutput.of(image);
        }
        if (width == 0) {
            width = Math.max(1, (int) Math.rint((double) image.width() * height / image.height()));
        } else if (height == 0) {
            height = Math.max(1, (int) Math.rint((double) image.height() * width / image.width()));
        }
        return NodeOutput.of(ImageScaling.scale("ImageScale", image, method, width, height, center,
                context.imageLimits().maxPixels()));
    }
}
