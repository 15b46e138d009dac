package io.flowpack.model.tfjs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The op emitters both front ends share: each takes TensorFlow's NHWC view of its operands (axes, kernels in HWIO,
 * paddings per NHWC axis) and writes ONNX nodes on the tensors' actual layout, NCHW for images.
 */
final class NhwcOps {
    private final OnnxGraph graph;

    NhwcOps(OnnxGraph graph) {
        this.graph = graph;
    }

    OnnxGraph graph() {
        return graph;
    }

    /**
     * A 2-D convolution. {@code kernel} is TensorFlow's HWIO ({@code [h, w, in/groups, out]}), or for a depthwise
     * convolution {@code [h, w, in, multiplier]}; {@code bias} may be null.
     */
    Value conv2d(Value x, String hint, float[] kernel, int[] kernelShape, float[] bias, long[] strides,
                 long[] dilations, Padding padding, int groups, boolean depthwise) {
        Value input = graph.toChannelsFirst(x);
        int kh = kernelShape[0];
        int kw = kernelShape[1];
        int in = kernelShape[2];
        int out = depthwise ? in * kernelShape[3] : kernelShape[3];
        float[] oihw = new float[kernel.length];
        int perGroupIn = depthwise ? 1 : in;
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < kernelShape[3]; o++) {
                        float value = kernel[((h * kw + w) * in + i) * kernelShape[3] + o];
                        int outChannel = depthwise ? i * kernelShape[3] + o : o;
                        int inChannel = depthwise ? 0 : i;
                        oihw[((outChannel * perGroupIn + inChannel) * kh + h) * kw + w] = value;
                    }
                }
            }
        }
        List<String> inputs = new ArrayList<>(List.of(input.name(),
                graph.constant(hint + "/weight", oihw, out, perGroupIn, kh, kw)));
        if (bias != null) {
            inputs.add(graph.constant(hint + "/bias", bias, out));
        }
        Map<String, Object> attributes = padding.attributes(new long[]{kh, kw}, strides, dilations);
        attributes.put("dilations", dilations);
        attributes.put("group", (long) (depthwise ? in : groups));
        return new Value(graph.node("Conv", inputs, hint, attributes), 4, true, out);
    }

    /**
     * A transposed convolution (TensorFlow's conv2d_transpose, op Conv2DBackpropInput) producing an NHWC output of
     * {@code outputShape}. {@code kernel} is TensorFlow's {@code [h, w, out, in]}. The padding is worked out from the
     * output size as TensorFlow does: the input size is ceil(out / stride) for SAME, and the forward convolution's
     * padding (odd pixel at the end) is what the transpose crops.
     */
    Value conv2dTranspose(Value x, String hint, float[] kernel, int[] kernelShape, long[] outputShape, long[] strides,
                          Padding padding) {
        Value input = graph.toChannelsFirst(x);
        int kh = kernelShape[0];
        int kw = kernelShape[1];
        int out = kernelShape[2];
        int in = kernelShape[3];
        float[] iohw = new float[kernel.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int o = 0; o < out; o++) {
                    for (int i = 0; i < in; i++) {
                        iohw[((i * out + o) * kh + h) * kw + w] = kernel[((h * kw + w) * out + o) * in + i];
                    }
                }
            }
        }
        long[] kernelSize = {kh, kw};
        long[] pads = new long[4];
        long[] outputPadding = new long[2];
        for (int axis = 0; axis < 2; axis++) {
            long size = outputShape[axis + 1];
            long stride = strides[axis];
            if (padding.mode().equals("SAME")) {
                long inSize = (size + stride - 1) / stride;
                long total = Math.max((inSize - 1) * stride + kernelSize[axis] - size, 0);
                pads[axis] = total / 2;
                pads[axis + 2] = total - total / 2;
            } else if (padding.mode().equals("VALID")) {
                long inSize = Math.max((size - kernelSize[axis]) / stride + 1, 1);
                outputPadding[axis] = size - ((inSize - 1) * stride + kernelSize[axis]);
            } else {
                throw new TfjsImportException(hint + ": explicit padding of a transposed convolution is not supported");
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", kernelSize);
        attributes.put("strides", strides);
        attributes.put("pads", pads);
        if (outputPadding[0] != 0 || outputPadding[1] != 0) {
            attributes.put("output_padding", outputPadding);
        }
        String weight = graph.constant(hint + "/weight", iohw, in, out, kh, kw);
        return new Value(graph.node("ConvTranspose", List.of(input.name(), weight), hint, attributes), 4, true, out);
    }

    /** An element-wise op with NumPy broadcasting (Add, Sub, Mul, Div, Max, Min, PRelu, Pow) on two tensors. */
    Value binary(String op, Value a, Value b, String hint) {
        Value left = a;
        Value right = b;
        if (left.channelsFirst() != right.channelsFirst()) {
            if (left.rank() == 4 && right.rank() == 4) {
                left = graph.toChannelsFirst(left);
                right = graph.toChannelsFirst(right);
            } else if (left.rank() > 0 && right.rank() > 0) { // a lower rank broadcasts along NHWC's trailing axes
                left = graph.toPlain(left);
                right = graph.toPlain(right);
            }
        }
        Value shaped = left.rank() >= right.rank() ? left : right;
        String name = graph.node(op, List.of(left.name(), right.name()), hint);
        return new Value(name, shaped.rank(), shaped.channelsFirst(), Math.max(left.channels(), right.channels()));
    }

    /** An element-wise op between a tensor and a constant of TensorFlow shape {@code shape}. */
    Value binaryWithConstant(String op, Value x, float[] data, int[] shape, String hint, boolean constantFirst) {
        String constant = constantFor(x, data, shape, hint + "/const");
        List<String> inputs = constantFirst ? List.of(constant, x.name()) : List.of(x.name(), constant);
        long constantChannels = shape.length > 0 && shape[shape.length - 1] > 1 ? shape[shape.length - 1] : -1;
        return new Value(graph.node(op, inputs, hint), Math.max(x.rank(), shape.length), x.channelsFirst(),
                x.channels() > 0 ? x.channels() : constantChannels);
    }

    /** A constant laid out to broadcast against {@code x} as its NHWC shape would against the NHWC tensor. */
    String constantFor(Value x, float[] data, int[] shape, String hint) {
        if (!x.channelsFirst() || shape.length == 0) {
            return graph.constant(hint, data, toLongs(shape));
        }
        if (shape.length > 4) {
            throw new TfjsImportException(hint + ": a rank-" + shape.length + " constant does not broadcast to an image");
        }
        int[] nhwc = new int[4];
        Arrays.fill(nhwc, 1);
        System.arraycopy(shape, 0, nhwc, 4 - shape.length, shape.length);
        float[] nchw = new float[data.length];
        int n = nhwc[0], h = nhwc[1], w = nhwc[2], c = nhwc[3];
        for (int in = 0; in < n; in++) {
            for (int y = 0; y < h; y++) {
                for (int x2 = 0; x2 < w; x2++) {
                    for (int ch = 0; ch < c; ch++) {
                        nchw[((in * c + ch) * h + y) * w + x2] = data[((in * h + y) * w + x2) * c + ch];
                    }
                }
            }
        }
        return graph.constant(hint, nchw, n, c, h, w);
    }

    /** Sum, Mean, Max or Min over any number of same-shaped tensors. */
    Value variadic(String op, List<Value> values, String hint) {
        if (values.size() == 1) {
            return values.get(0);
        }
        List<Value> aligned = alignLayouts(values);
        List<String> names = aligned.stream().map(Value::name).toList();
        Value first = aligned.get(0);
        return new Value(graph.node(op, names, hint), first.rank(), first.channelsFirst(), first.channels());
    }

    Value concat(List<Value> values, int nhwcAxis, String hint) {
        List<Value> aligned = alignLayouts(values);
        Value first = aligned.get(0);
        int axis = first.axis(nhwcAxis);
        boolean channelAxis = (nhwcAxis < 0 ? nhwcAxis + first.rank() : nhwcAxis) == first.rank() - 1;
        long channels = first.channels();
        if (channelAxis) {
            channels = aligned.stream().allMatch(v -> v.channels() > 0)
                    ? aligned.stream().mapToLong(Value::channels).sum() : -1;
        }
        String name = graph.node("Concat", aligned.stream().map(Value::name).toList(), hint, Map.of("axis", (long) axis));
        return new Value(name, first.rank(), first.channelsFirst(), channels);
    }

    /** Resizes an image by integer or fractional factors. Modes and coordinate transforms are ONNX Resize's. */
    Value resizeByFactors(Value x, double factorH, double factorW, String mode, String coordinates, String hint) {
        Value input = graph.toChannelsFirst(x);
        String scales = graph.constant(hint + "/scales", new float[]{1, 1, (float) factorH, (float) factorW}, 4);
        return new Value(graph.node("Resize", List.of(input.name(), "", scales), hint, resizeAttributes(mode, coordinates)),
                4, true, x.channels());
    }

    /** Resizes an image to a fixed height and width, keeping batch and channels. */
    Value resizeTo(Value x, long height, long width, String mode, String coordinates, String hint) {
        Value input = graph.toChannelsFirst(x);
        String shape = graph.node("Shape", List.of(input.name()), hint + "/shape");
        String batchAndChannels = graph.node("Slice", List.of(shape, graph.constantInts(hint + "/from", new long[]{0}, 1),
                graph.constantInts(hint + "/to", new long[]{2}, 1)), hint + "/nc");
        String sizes = graph.node("Concat", List.of(batchAndChannels,
                graph.constantInts(hint + "/hw", new long[]{height, width}, 2)), hint + "/sizes", Map.of("axis", 0L));
        return new Value(graph.node("Resize", List.of(input.name(), "", "", sizes), hint,
                resizeAttributes(mode, coordinates)), 4, true, x.channels());
    }

    private static Map<String, Object> resizeAttributes(String mode, String coordinates) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("mode", mode);
        attributes.put("coordinate_transformation_mode", coordinates);
        if (mode.equals("nearest")) {
            attributes.put("nearest_mode", coordinates.equals("align_corners") ? "round_prefer_ceil" : "floor");
        }
        return attributes;
    }

    /**
     * Pads a tensor. {@code pads} holds {before, after} for each NHWC axis; {@code mode} is ONNX's: constant,
     * reflect or edge.
     */
    Value pad(Value x, long[][] pads, String mode, float value, String hint) {
        long[] onnx = new long[2 * x.rank()];
        for (int axis = 0; axis < x.rank(); axis++) {
            int target = x.axis(axis);
            onnx[target] = pads[axis][0];
            onnx[target + x.rank()] = pads[axis][1];
        }
        List<String> inputs = new ArrayList<>(List.of(x.name(), graph.constantInts(hint + "/pads", onnx, onnx.length)));
        if (mode.equals("constant") && value != 0) {
            inputs.add(graph.scalar(hint + "/value", value));
        }
        return x.withName(graph.node("Pad", inputs, hint, Map.of("mode", mode)));
    }

    /** MaxPool or AveragePool (padding excluded from the average, as in TensorFlow). */
    Value pool(Value x, String op, long[] window, long[] strides, Padding padding, String hint) {
        Value input = graph.toChannelsFirst(x);
        Map<String, Object> attributes = padding.attributes(window, strides, new long[]{1, 1});
        return input.withName(graph.node(op, List.of(input.name()), hint, attributes));
    }

    /** ReduceMean/ReduceMax/ReduceMin/ReduceProd/ReduceSum over NHWC axes. */
    Value reduce(Value x, String op, int[] nhwcAxes, boolean keepDims, String hint) {
        Value input = x;
        if (!keepDims && x.channelsFirst() && !dropKeepsOrder(x, nhwcAxes)) {
            input = graph.toPlain(x);
        }
        long[] axes = new long[nhwcAxes.length];
        boolean channelsReduced = false;
        for (int i = 0; i < axes.length; i++) {
            axes[i] = input.axis(nhwcAxes[i]);
            channelsReduced |= (nhwcAxes[i] < 0 ? nhwcAxes[i] + x.rank() : nhwcAxes[i]) == x.rank() - 1;
        }
        String name = op.equals("ReduceSum")
                ? graph.node(op, List.of(input.name(), graph.constantInts(hint + "/axes", axes, axes.length)), hint,
                        Map.of("keepdims", keepDims ? 1L : 0L))
                : graph.node(op, List.of(input.name()), hint, Map.of("axes", axes, "keepdims", keepDims ? 1L : 0L));
        int rank = keepDims ? input.rank() : input.rank() - axes.length;
        return new Value(name, rank, keepDims && input.channelsFirst(), channelsReduced ? (keepDims ? 1 : -1) : x.channels());
    }

    /** Whether dropping these axes from NCHW leaves the remaining axes in NHWC order (global pooling does). */
    private static boolean dropKeepsOrder(Value x, int[] nhwcAxes) {
        boolean[] dropped = new boolean[4];
        for (int axis : nhwcAxes) {
            dropped[axis < 0 ? axis + 4 : axis] = true;
        }
        return dropped[3] || (dropped[1] && dropped[2]);
    }

    /** TensorFlow's depth_to_space / space_to_depth in NHWC order, which is ONNX's DCR order on NCHW. */
    Value depthToSpace(Value x, int block, String hint) {
        Value input = graph.toChannelsFirst(x);
        long channels = x.channels() > 0 ? x.channels() / ((long) block * block) : -1;
        return new Value(graph.node("DepthToSpace", List.of(input.name()), hint,
                Map.of("blocksize", (long) block, "mode", "DCR")), 4, true, channels);
    }

    Value spaceToDepth(Value x, int block, String hint) {
        Value input = graph.toChannelsFirst(x);
        long channels = x.channels() > 0 ? x.channels() * block * block : -1;
        return new Value(graph.node("SpaceToDepth", List.of(input.name()), hint, Map.of("blocksize", (long) block)),
                4, true, channels);
    }

    /** {@code x · scale + shift} per channel (the last NHWC axis): a folded batch normalisation. */
    Value channelAffine(Value x, float[] scale, float[] shift, String hint) {
        int[] shape = {scale.length};
        Value scaled = binaryWithConstant("Mul", x, scale, shape, hint + "/scale", false);
        return binaryWithConstant("Add", scaled, shift, shape, hint, false);
    }

    /** A dense layer on the last axis: a 1×1 convolution for images, MatMul otherwise. */
    Value dense(Value x, float[] kernel, int[] kernelShape, float[] bias, String hint) {
        if (x.rank() == 4) {
            return conv2d(x, hint, kernel, new int[]{1, 1, kernelShape[0], kernelShape[1]}, bias,
                    new long[]{1, 1}, new long[]{1, 1}, Padding.VALID, 1, false);
        }
        Value plain = graph.toPlain(x);
        String product = graph.node("MatMul", List.of(plain.name(),
                graph.constant(hint + "/kernel", kernel, kernelShape[0], kernelShape[1])), bias == null ? hint : hint + "/matmul");
        Value out = new Value(product, plain.rank(), false, kernelShape[1]);
        return bias == null ? out : binaryWithConstant("Add", out, bias, new int[]{bias.length}, hint, false);
    }

    /** Clips to [min, max]; either bound may be infinite. */
    Value clip(Value x, float min, float max, String hint) {
        List<String> inputs = new ArrayList<>(List.of(x.name()));
        inputs.add(Float.isInfinite(min) ? "" : graph.scalar(hint + "/min", min));
        if (!Float.isInfinite(max)) {
            inputs.add(graph.scalar(hint + "/max", max));
        }
        return x.withName(graph.node("Clip", inputs, hint));
    }

    /** A single-input op that does not care about the layout (Relu, Sigmoid, Exp, …). */
    Value unary(String op, Value x, String hint, Map<String, ?> attributes) {
        return x.withName(graph.node(op, List.of(x.name()), hint, attributes));
    }

    Value unary(String op, Value x, String hint) {
        return unary(op, x, hint, Map.of());
    }

    private List<Value> alignLayouts(List<Value> values) {
        boolean anyChannelsFirst = values.stream().anyMatch(Value::channelsFirst);
        return values.stream().map(v -> anyChannelsFirst ? graph.toChannelsFirst(v) : v).toList();
    }

    static long[] toLongs(int[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return longs;
    }
}
