package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

import java.util.List;

/** Checked access to a node's inputs, with messages that name the node. */
final class Operands {
    private Operands() {
    }

    static void expect(GraphNode node, List<TensorValue> inputs, int count) {
        if (inputs.size() < count) {
            throw new TfjsImportException(node.describe() + " has " + inputs.size() + " inputs, " + count
                    + " expected");
        }
    }

    /** Input {@code index}, which must be known while converting (a weight, a shape, an axis). */
    static ConstTensor constant(GraphNode node, List<TensorValue> inputs, int index, String what) {
        expect(node, inputs, index + 1);
        TensorValue value = inputs.get(index);
        if (!value.isConstant()) {
            throw new TfjsImportException(node.describe() + ": the " + what + " (input " + index
                    + ") must be a constant; computed " + what + "s are not supported");
        }
        return value.constant();
    }

    static long[] integers(GraphNode node, List<TensorValue> inputs, int index, String what) {
        return constant(node, inputs, index, what).integers(node.describe() + ": the " + what);
    }

    static long scalar(GraphNode node, List<TensorValue> inputs, int index, String what) {
        long[] values = integers(node, inputs, index, what);
        if (values.length != 1) {
            throw new TfjsImportException(node.describe() + ": the " + what + " must be a single value");
        }
        return values[0];
    }

    static void requireRank(GraphNode node, long[] shape, int rank, String what) {
        if (shape.length != rank) {
            throw new TfjsImportException(node.describe() + ": the " + what + " has shape " + Shapes.show(shape)
                    + ", rank " + rank + " expected");
        }
    }

    /** The name of the ONNX tensor for output {@code index} of the node: TensorFlow's own spelling. */
    static String outputName(GraphNode node, int index) {
        return new TensorName(node.name(), index).toString();
    }

    static void define(OnnxEmitter onnx, GraphNode node, TensorValue value) {
        onnx.define(new TensorName(node.name(), 0), value);
    }
}
