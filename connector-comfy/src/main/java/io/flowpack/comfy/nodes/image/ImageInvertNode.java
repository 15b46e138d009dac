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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ComfyUI's {@code ImageInvert} ("Invert Image"): {@code 1 - image}. */
public final class ImageInvertNode implements ComfyNode {
    private static final NodeDefinition DEFINITION = new NodeDefinition("ImageInvert", "Invert Image", "image", "",
            List.of(InputSpec.link("image", "IMAGE")), List.of(), List.of(OutputSpec.of("IMAGE")), false, false);

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        ImageBatch image = new NodeInputs("ImageInvert", inputs).image("image");
        List<float[]> inverted = new ArrayList<>(image.size());
        for (float[] item : image.images()) {
            float[] out = new float[item.length];
            for (int i = 0; i < item.length; i++) {
                out[i] = 1f - item[i];
            }
            inverted.add(out);
        }
        return NodeOutput.of(new ImageBatch(image.width(), image.height(), inverted));
    }
}
