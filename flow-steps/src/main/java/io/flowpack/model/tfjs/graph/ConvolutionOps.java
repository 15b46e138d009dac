package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conv2D, DepthwiseConv2dNative and Conv2DBackpropInput as ONNX Conv / ConvTranspose. TensorFlow's filters are
 * HWIO ({@code [h, w, in, out]}; depthwise {@code [h, w, in, multiplier]}; transposed {@code [h, w, out, in]}),
 * ONNX wants {@code [out, in/groups, h, w]} (transposed: {@code [in, out, h, w]}), so the weights are permuted here.
 */
final class ConvolutionOps {
    private static final int[] HWIO_TO_OIHW = {3, 2, 0, 1};

    private ConvolutionOps() {
    }

    static void conv2d(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        SpatialOptions options = SpatialOptions.of(node);
        TensorValue x = inputs.get(0);
        ConstTensor filter = Operands.constant(node, inputs, 1, "filter");
        Operands.requireRank(node, x.shape(), 4, "input");
        Operands.requireRank(node, filter.shape(), 4, "filter");
        long channels = options.toNchw(x.shape())[1];
        long filterIn = filter.shape()[2];
        if (channels % filterIn != 0) {
            throw new TfjsImportException(node.describe() + ": input has " + channels
                    + " channels, the filter expects a multiple of " + filterIn);
        }
        emit("Conv", node, onnx, options, x, filter.transpose(HWIO_TO_OIHW), channels / filterIn);
    }

    static void depthwise(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        SpatialOptions options = SpatialOptions.of(node);
        TensorValue x = inputs.get(0);
        ConstTensor filter = Operands.constant(node, inputs, 1, "filter");
        Operands.requireRank(node, x.shape(), 4, "input");
        Operands.requireRank(node, filter.shape(), 4, "filter");
        long[] f = filter.shape();
        long channels = options.toNchw(x.shape())[1];
        if (f[2] != channels) {
            throw new TfjsImportException(node.describe() + ": input has " + channels + " channels, the filter "
                    + f[2]);
        }
        // output channel c·multiplier + m reads input channel c: one group per input channel
        ConstTensor weight = filter.reshape(new long[]{f[0], f[1], 1, f[2] * f[3]}).transpose(HWIO_TO_OIHW);
        emit("Conv", node, onnx, options, x, weight, channels);
    }

    /** The gradient of a convolution with respect to its input: a transposed convolution of {@code out_backprop}. */
    static void backpropInput(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        SpatialOptions options = SpatialOptions.of(node);
        long[] resultShape = Operands.integers(node, inputs, 0, "input_sizes");
        ConstTensor filter = Operands.constant(node, inputs, 1, "filter");
        Operands.expect(node, inputs, 3);
        TensorValue x = inputs.get(2);
        Operands.requireRank(node, resultShape, 4, "input_sizes");
        Operands.requireRank(node, filter.shape(), 4, "filter");
        Operands.requireRank(node, x.shape(), 4, "out_backprop");
        long[] f = filter.shape();
        long[] xNchw = options.toNchw(x.shape());
        long[] resultNchw = options.toNchw(resultShape);
        if (f[3] != xNchw[1] || f[2] != resultNchw[1]) {
            throw new TfjsImportException(node.describe() + ": filter " + Shapes.show(f) + " does not map "
                    + xNchw[1] + " to " + resultNchw[1] + " channels");
        }
        long[] kernel = {f[0], f[1]};
        long[] pads = new long[4];
        long[] outputPadding = new long[2];
        for (int axis = 0; axis < 2; axis++) {
            long size = resultNchw[2 + axis];
            Window forward = options.window(axis, size, kernel[axis]); // the convolution this is the gradient of
            if (forward.outputSize() != xNchw[2 + axis]) {
                throw new TfjsImportException(node.describe() + ": a convolution of size " + size + " gives "
                        + forward.outputSize() + ", not the " + xNchw[2 + axis] + " of out_backprop");
            }
            long span = (kernel[axis] - 1) * options.dilations()[axis] + 1;
            long natural = (xNchw[2 + axis] - 1) * options.strides()[axis] + span; // before cropping
            long excess = natural - forward.padBefore() - size; // > 0: crop at the end, < 0: extend at the end
            pads[axis] = forward.padBefore();
            pads[2 + axis] = Math.max(excess, 0);
            outputPadding[axis] = Math.max(-excess, 0);
        }
        Map<String, Object> attributes = windowAttributes(kernel, options, pads);
        if (outputPadding[0] != 0 || outputPadding[1] != 0) {
            attributes.put("output_padding", outputPadding);
        }
        String weight = onnx.tensor(TensorValue.known(filter.transpose(HWIO_TO_OIHW)), node.name() + "/weight");
        String y = onnx.node("ConvTranspose", List.of(options.toNchw(onnx, x, node.name()), weight),
                node.name() + "/ConvTranspose", attributes);
        Operands.define(onnx, node, options.fromNchw(onnx, y, resultNchw, node.name()));
    }

    private static void emit(String op, GraphNode node, OnnxEmitter onnx, SpatialOptions options, TensorValue x,
                             ConstTensor oihw, long groups) {
        long[] nchw = options.toNchw(x.shape());
        long[] kernel = {oihw.shape()[2], oihw.shape()[3]};
        Window height = options.window(0, nchw[2], kernel[0]);
        Window width = options.window(1, nchw[3], kernel[1]);
        Map<String, Object> attributes = windowAttributes(kernel, options,
                new long[]{height.padBefore(), width.padBefore(), height.padAfter(), width.padAfter()});
        attributes.put("group", groups);
        String weight = onnx.tensor(TensorValue.known(oihw), node.name() + "/weight");
        String input = options.toNchw(onnx, x, node.name());
        String y = onnx.node(op, List.of(input, weight), node.name() + "/" + op, attributes);
        long[] outShape = {nchw[0], oihw.shape()[0], height.outputSize(), width.outputSize()};
        Operands.define(onnx, node, options.fromNchw(onnx, y, outShape, node.name()));
    }

    private static Map<String, Object> windowAttributes(long[] kernel, SpatialOptions options, long[] pads) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", kernel);
        attributes.put("strides", options.strides());
        attributes.put("dilations", options.dilations());
        attributes.put("pads", pads);
        return attributes;
    }
}
