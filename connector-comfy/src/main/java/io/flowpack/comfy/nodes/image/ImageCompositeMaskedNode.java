package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;
import io.flowpack.comfy.nodes.pixels.MaskBatches;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ComfyUI's {@code ImageCompositeMasked}: {@code source} pasted onto {@code destination} at {@code (x, y)},
 * blended by the optional {@code mask} (1 = source), which is resized (bilinear) to the source's size;
 * {@code resize_source} first stretches the source (bilinear) to the destination's size. Batches repeat cyclically
 * to the destination's batch size; the part of the source past the destination's edge is dropped.
 */
public final class ImageCompositeMaskedNode implements ComfyNode {
    private static final String CLASS = "ImageCompositeMasked";
    private static final NodeDefinition DEFINITION = new NodeDefinition(CLASS, CLASS, "image", "",
            List.of(InputSpec.link("destination", "IMAGE"), InputSpec.link("source", "IMAGE"),
                    Widgets.integer("x", 0, 0, Widgets.MAX_RESOLUTION, 1),
                    Widgets.integer("y", 0, 0, Widgets.MAX_RESOLUTION, 1),
                    Widgets.bool("resize_source", false)),
            List.of(InputSpec.link("mask", "MASK")), List.of(OutputSpec.of("IMAGE")), false, false)
            .withPythonModule("comfy_extras.nodes_mask");

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        ImageBatch destination = in.image("destination");
        ImageBatch source = in.image("source");
        int x = Math.max(0, Math.min(in.integer("x"), destination.width()));
        int y = Math.max(0, Math.min(in.integer("y"), destination.height()));
        boolean resize = in.bool("resize_source");
        Optional<MaskBatch> mask = in.optionalMask("mask");

        int sw = resize ? destination.width() : source.width();
        int sh = resize ? destination.height() : source.height();
        int visibleW = Math.min(sw, destination.width() - x);
        int visibleH = Math.min(sh, destination.height() - y);
        List<float[]> out = new ArrayList<>(destination.size());
        for (int b = 0; b < destination.size(); b++) {
            float[] dst = destination.images().get(b).clone();
            float[] src = source.images().get(b % source.size());
            if (resize) {
                src = Resampling.BILINEAR.resize(src, source.width(), source.height(), 3, sw, sh);
            }
            int item = b;
            float[] alpha = mask.map(m -> maskFor(m, item, sw, sh)).orElse(null);
            for (int row = 0; row < visibleH; row++) {
                for (int col = 0; col < visibleW; col++) {
                    float a = alpha == null ? 1f : alpha[row * sw + col];
                    int s = (row * sw + col) * 3;
                    int d = ((y + row) * destination.width() + x + col) * 3;
                    for (int c = 0; c < 3; c++) {
                        dst[d + c] = a * src[s + c] + (1f - a) * dst[d + c];
                    }
                }
            }
            out.add(dst);
        }
        return NodeOutput.of(new ImageBatch(destination.width(), destination.height(), out));
    }

    /** Mask {@code item} (cyclically), resized to the source's size. */
    private static float[] maskFor(MaskBatch masks, int item, int width, int height) {
        return Resampling.BILINEAR.resize(MaskBatches.cyclic(masks, item), masks.width(), masks.height(), 1,
                width, height);
    }
}
