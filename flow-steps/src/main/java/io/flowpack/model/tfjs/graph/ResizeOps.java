package io.flowpack.model.tfjs.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ResizeBilinear on NHWC images. TensorFlow's {@code align_corners} and {@code half_pixel_centers} are ONNX's
 * {@code align_corners} and {@code half_pixel} coordinate modes; with neither, TensorFlow maps coordinates
 * asymmetrically (out · in/out), as ONNX's {@code asymmetric} does.
 */
final class ResizeOps {
    private ResizeOps() {
    }

    static void bilinear(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        TensorValue x = inputs.get(0);
        Operands.requireRank(node, x.shape(), 4, "images");
        long[] size = Operands.integers(node, inputs, 1, "size");
        Operands.requireRank(node, size, 2, "size");
        boolean alignCorners = node.attributes().flag("align_corners", false);
        boolean halfPixel = node.attributes().flag("half_pixel_centers", false);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("mode", "linear");
        attributes.put("coordinate_transformation_mode",
                alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric");
        long[] shape = x.shape();
        String nchw = onnx.transpose(onnx.tensor(x, node.name() + "/x"), OnnxEmitter.TO_NCHW, node.name() + "/nchw");
        String sizes = onnx.int64s(node.name() + "/sizes", shape[0], shape[3], size[0], size[1]);
        String y = onnx.node("Resize", List.of(nchw, "", "", sizes), node.name() + "/Resize", attributes);
        String nhwc = onnx.transpose(y, OnnxEmitter.TO_NHWC, node.name());
        Operands.define(onnx, node, TensorValue.computed(nhwc, new long[]{shape[0], size[0], size[1], shape[3]}));
    }
}
