package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;

import java.util.List;
import java.util.Map;

/** ComfyUI's {@code EmptyLatentImage}: zeros {@code [batch_size, 4, height/8, width/8]}. */
public final class EmptyLatentImageNode implements ComfyNode {
    static final String CLASS = "EmptyLatentImage";

    @Override
    public NodeDefinition definition() {
        return new NodeDefinition(CLASS, "Empty Latent Image", "latent",
                "Create a new batch of empty latent images to be denoised via sampling.",
                List.of(Widgets.integer("width", 512, 16, Widgets.MAX_RESOLUTION, 8),
                        Widgets.integer("height", 512, 16, Widgets.MAX_RESOLUTION, 8),
                        Widgets.integer("batch_size", 1, 1, 4096, 1)), List.of(),
                List.of(OutputSpec.of("LATENT")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        int width = in.integer("width") / 8;
        int height = in.integer("height") / 8;
        int batch = in.integer("batch_size");
        if (width < 1 || height < 1 || batch < 1) {
            throw new NodeException(CLASS + ": width and height must be at least 8 and batch_size at least 1", null,
                    "ValueError");
        }
        long values = Latent.values(batch, height, width);
        if (values > Latent.MAX_VALUES) {
            throw new NodeException(CLASS + ": " + batch + " latents of " + width * 8 + "×" + height * 8
                    + " need " + values + " values, more than the limit of " + Latent.MAX_VALUES
                    + "; lower batch_size or the size", null, "ValueError");
        }
        return NodeOutput.of(new Latent(batch, height, width, new float[(int) values]));
    }
}
