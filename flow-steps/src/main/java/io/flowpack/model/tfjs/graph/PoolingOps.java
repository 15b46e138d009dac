package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MaxPool and AvgPool. TensorFlow's average leaves the padding out of the count, hence ONNX's
 * {@code count_include_pad=0}; ONNX's MaxPool ignores padding just as TensorFlow's does.
 */
final class PoolingOps {
    private PoolingOps() {
    }

    static void maxPool(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        pool("MaxPool", node, inputs, onnx);
    }

    static void avgPool(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        pool("AveragePool", node, inputs, onnx);
    }

    private static void pool(String op, GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        Operands.expect(node, inputs, 1);
        SpatialOptions options = SpatialOptions.of(node);
        TensorValue x = inputs.get(0);
        Operands.requireRank(node, x.shape(), 4, "input");
        long[] ksize = node.attributes().integers("ksize", 4, null);
        if (ksize == null) {
            throw new TfjsImportException(node.describe() + " has no ksize");
        }
        long[] kernel = options.spatial(ksize);
        if (Shapes.size(ksize) != kernel[0] * kernel[1]) {
            throw new TfjsImportException(node.describe() + ": pooling across batch or channels is not supported");
        }
        long[] nchw = options.toNchw(x.shape());
        Window height = options.window(0, nchw[2], kernel[0]);
        Window width = options.window(1, nchw[3], kernel[1]);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", kernel);
        attributes.put("strides", options.strides());
        attributes.put("pads", new long[]{height.padBefore(), width.padBefore(), height.padAfter(), width.padAfter()});
        if (op.equals("AveragePool")) {
            attributes.put("count_include_pad", 0L);
        }
        String y = onnx.node(op, List.of(options.toNchw(onnx, x, node.name())), node.name() + "/" + op, attributes);
        long[] outShape = {nchw[0], nchw[1], height.outputSize(), width.outputSize()};
        Operands.define(onnx, node, options.fromNchw(onnx, y, outShape, node.name()));
    }
}
