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

/** ComfyUI's {@code ImageScaleBy} ("Upscale Image By"): both sides times {@code scale_by}, rounded half to even. */
public final class ImageScaleByNode implements ComfyNode {
    private static final NodeDefinition DEFINITION = new NodeDefinition("ImageScaleBy", "Upscale Image By",
            "image/upscaling", "", List.of(InputSpec.link("image", "IMAGE"),
            Widgets.combo("upscale_method", Resampling.NAMES),
            Widgets.decimal("scale_by", 1.0, 0.01, 8.0, 0.01)),
            List.of(), List.of(OutputSpec.of("IMAGE")), false, false);

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs("ImageScaleBy", inputs);
        ImageBatch image = in.image("image");
        Resampling method = Resampling.of(in.choice("upscale_method", Resampling.NAMES));
        double scale = in.number("scale_by");
        if (!(scale > 0) || scale > 8.0) {
            throw new NodeException("ImageScaleBy: scale_by must be between 0.01 and 8.0, got " + scale, null,
                    "ValueError");
        }
        int width = (int) Math.rint(image.width() * scale);
        int height = (int) Math.rint(image.height() * scale);
        return NodeOutput.of(ImageScaling.scale("ImageScaleBy", image, method, width, height, false,
                context.imageLimits().maxPixels()));
    }
}
