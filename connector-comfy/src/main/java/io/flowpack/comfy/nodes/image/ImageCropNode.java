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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's {@code ImageCrop} ("Image Crop"): the region {@code width × height} at {@code (x, y)}. As in ComfyUI,
 * x and y are clamped to the last column and row, and a region reaching past the edge is cut at the edge.
 */
public final class ImageCropNode implements ComfyNode {
    private static final NodeDefinition DEFINITION = new NodeDefinition("ImageCrop", "Image Crop", "image/transform",
            "", List.of(InputSpec.link("image", "IMAGE"),
            Widgets.integer("width", 512, 1, Widgets.MAX_RESOLUTION, 1),
            Widgets.integer("height", 512, 1, Widgets.MAX_RESOLUTION, 1),
            Widgets.integer("x", 0, 0, Widgets.MAX_RESOLUTION, 1),
            Widgets.integer("y", 0, 0, Widgets.MAX_RESOLUTION, 1)),
            List.of(), List.of(OutputSpec.of("IMAGE")), false, false).withPythonModule("comfy_extras.nodes_images");

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs("ImageCrop", inputs);
        ImageBatch image = in.image("image");
        int width = in.integer("width");
        int height = in.integer("height");
        if (width < 1 || height < 1) {
            throw new NodeException("ImageCrop: width and height must be at least 1, got " + width + "x" + height,
                    null, "ValueError");
        }
        int x = Math.max(0, Math.min(in.integer("x"), image.width() - 1));
        int y = Math.max(0, Math.min(in.integer("y"), image.height() - 1));
        int toX = (int) Math.min((long) x + width, image.width());
        int toY = (int) Math.min((long) y + height, image.height());
        int w = toX - x;
        int h = toY - y;
        List<float[]> cropped = new ArrayList<>(image.size());
        for (float[] item : image.images()) {
            cropped.add(Planes.crop(item, image.width(), x, y, w, h));
        }
        return NodeOutput.of(new ImageBatch(w, h, cropped));
    }
}
