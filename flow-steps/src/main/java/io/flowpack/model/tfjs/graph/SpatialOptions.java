package io.flowpack.model.tfjs.graph;

/**
 * The window attributes convolutions and pooling share, read in the node's {@code data_format} (NHWC unless said
 * otherwise) and kept per spatial axis: index 0 is height, 1 is width.
 */
record SpatialOptions(boolean channelsLast, long[] strides, long[] dilations, String padding, long[] explicitPads,
                      String owner) {

    static SpatialOptions of(GraphNode node) {
        NodeAttributes attributes = node.attributes();
        boolean channelsLast = !attributes.text("data_format", "NHWC").equals("NCHW");
        int h = channelsLast ? 1 : 2;
        long[] strides = attributes.integers("strides", 4, new long[]{1, 1, 1, 1});
        long[] dilations = attributes.integers("dilations", 4, new long[]{1, 1, 1, 1});
        long[] explicit = attributes.integers("explicit_paddings");
        long[] pads = explicit.length == 8
                ? new long[]{explicit[2 * h], explicit[2 * h + 1], explicit[2 * h + 2], explicit[2 * h + 3]}
                : new long[4];
        return new SpatialOptions(channelsLast, new long[]{strides[h], strides[h + 1]},
                new long[]{dilations[h], dilations[h + 1]}, attributes.text("padding", "VALID"), pads, node.describe());
    }

    /** A shape in this node's data format, as NCHW. */
    long[] toNchw(long[] shape) {
        return channelsLast ? new long[]{shape[0], shape[3], shape[1], shape[2]} : shape.clone();
    }

    /** An NCHW shape back in this node's data format. */
    long[] fromNchw(long[] nchw) {
        return channelsLast ? new long[]{nchw[0], nchw[2], nchw[3], nchw[1]} : nchw;
    }

    /** The two spatial sizes of a 4-value list (ksize, input_sizes) given in this node's data format. */
    long[] spatial(long[] values) {
        int h = channelsLast ? 1 : 2;
        return new long[]{values[h], values[h + 1]};
    }

    Window window(int axis, long input, long kernel) {
        return Window.along(padding, input, kernel, strides[axis], dilations[axis],
                explicitPads[2 * axis], explicitPads[2 * axis + 1], owner);
    }

    /** The tensor as NCHW for an ONNX window op. */
    String toNchw(OnnxEmitter onnx, TensorValue x, String hint) {
        String name = onnx.tensor(x, hint + "/x");
        return channelsLast ? onnx.transpose(name, OnnxEmitter.TO_NCHW, hint + "/nchw") : name;
    }

    /** An NCHW result of an ONNX window op, back in this node's data format. */
    TensorValue fromNchw(OnnxEmitter onnx, String nchw, long[] nchwShape, String name) {
        if (!channelsLast) {
            return TensorValue.computed(nchw, nchwShape);
        }
        return TensorValue.computed(onnx.transpose(nchw, OnnxEmitter.TO_NHWC, name), fromNchw(nchwShape));
    }
}
