package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ops that move values without computing: Transpose, Reshape, ConcatV2, Split/SplitV, Pad/PadV2. */
final class LayoutOps {
    private LayoutOps() {
    }

    static void transpose(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        TensorValue x = inputs.get(0);
        int[] perm = Shapes.toInts(Operands.integers(node, inputs, 1, "permutation"));
        long[] shape = Shapes.permute(x.shape(), perm);
        String y = onnx.transpose(onnx.tensor(x, node.name() + "/x"), perm, node.name());
        Operands.define(onnx, node, TensorValue.computed(y, shape));
    }

    static void reshape(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        TensorValue x = inputs.get(0);
        long[] shape = reshaped(x.shape(), Operands.integers(node, inputs, 1, "shape"), node.describe());
        String input = onnx.tensor(x, node.name() + "/x");
        String target = onnx.int64s(node.name() + "/shape", shape);
        String y = onnx.node("Reshape", List.of(input, target), node.name(), Map.of());
        Operands.define(onnx, node, TensorValue.computed(y, shape));
    }

    /** {@code requested} with its -1 worked out; zeros mean size 0, as in TensorFlow. */
    static long[] reshaped(long[] from, long[] requested, String owner) {
        long[] shape = requested.clone();
        long known = 1;
        int unknown = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (unknown >= 0) {
                    throw new TfjsImportException(owner + ": shape " + Shapes.show(requested) + " has two -1");
                }
                unknown = i;
            } else {
                known *= shape[i];
            }
        }
        long size = Shapes.size(from);
        if (unknown >= 0 && known > 0 && size % known == 0) {
            shape[unknown] = size / known;
        }
        if (Shapes.size(shape) != size || (unknown >= 0 && known == 0)) {
            throw new TfjsImportException(owner + ": cannot reshape " + Shapes.show(from) + " to "
                    + Shapes.show(requested));
        }
        return shape;
    }

    /** ConcatV2: the tensors, then the axis. */
    static void concat(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        Operands.expect(node, inputs, 2);
        List<TensorValue> parts = inputs.subList(0, inputs.size() - 1);
        long axisValue = Operands.scalar(node, inputs, inputs.size() - 1, "axis");
        int axis = Shapes.axis(axisValue, parts.get(0).rank(), node.describe());
        long[] shape = concatenated(parts.stream().map(TensorValue::shape).toList(), axis, node.describe());
        List<String> names = new ArrayList<>();
        for (TensorValue part : parts) {
            names.add(onnx.tensor(part, node.name() + "/part"));
        }
        String y = onnx.node("Concat", names, node.name(), Map.of("axis", (long) axis));
        Operands.define(onnx, node, TensorValue.computed(y, shape));
    }

    static long[] concatenated(List<long[]> shapes, int axis, String owner) {
        long[] result = shapes.get(0).clone();
        result[axis] = 0;
        for (long[] shape : shapes) {
            for (int i = 0; i < result.length; i++) {
                if (shape.length != result.length || (i != axis && shape[i] != result[i])) {
                    throw new TfjsImportException(owner + ": cannot concatenate " + Shapes.show(shapes.get(0))
                            + " and " + Shapes.show(shape) + " along axis " + axis);
                }
            }
            result[axis] += shape[axis];
        }
        return result;
    }

    /** SplitV: the tensor, the sizes (one may be -1), the axis. */
    static void splitV(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        TensorValue x = inputs.get(0);
        long[] sizes = Operands.integers(node, inputs, 1, "size_splits").clone();
        int axis = Shapes.axis(Operands.scalar(node, inputs, 2, "split_dim"), x.rank(), node.describe());
        long rest = x.shape()[axis];
        int unknown = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                unknown = i;
            } else {
                rest -= sizes[i];
            }
        }
        if (unknown >= 0) {
            sizes[unknown] = rest;
        } else if (rest != 0) {
            throw new TfjsImportException(node.describe() + ": sizes do not add up to " + x.shape()[axis]);
        }
        split(node, x, axis, sizes, onnx);
    }

    /** Split: the axis, the tensor, and {@code num_split} equal parts. */
    static void splitEvenly(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        Operands.expect(node, inputs, 2);
        TensorValue x = inputs.get(1);
        int axis = Shapes.axis(Operands.scalar(node, inputs, 0, "split_dim"), x.rank(), node.describe());
        long parts = node.attributes().integer("num_split", 1);
        if (x.shape()[axis] % parts != 0) {
            throw new TfjsImportException(node.describe() + ": " + x.shape()[axis] + " does not split into " + parts);
        }
        long[] sizes = new long[(int) parts];
        java.util.Arrays.fill(sizes, x.shape()[axis] / parts);
        split(node, x, axis, sizes, onnx);
    }

    private static void split(GraphNode node, TensorValue x, int axis, long[] sizes, OnnxEmitter onnx) {
        List<String> hints = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            hints.add(Operands.outputName(node, i));
        }
        String input = onnx.tensor(x, node.name() + "/x");
        List<String> outputs = onnx.nodeOutputs("Split", List.of(input, onnx.int64s(node.name() + "/sizes", sizes)),
                hints, Map.of("axis", (long) axis));
        for (int i = 0; i < sizes.length; i++) {
            long[] shape = x.shape().clone();
            shape[axis] = sizes[i];
            onnx.define(new TensorName(node.name(), i), TensorValue.computed(outputs.get(i), shape));
        }
    }

    /** Pad and PadV2: paddings {@code [rank, 2]} (before, after per axis), PadV2's constant value. */
    static void pad(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        TensorValue x = inputs.get(0);
        long[] paddings = Operands.integers(node, inputs, 1, "paddings");
        int rank = x.rank();
        if (paddings.length != 2 * rank) {
            throw new TfjsImportException(node.describe() + ": paddings for " + paddings.length / 2
                    + " axes, the input has " + rank);
        }
        long[] pads = new long[2 * rank];
        long[] shape = x.shape().clone();
        for (int axis = 0; axis < rank; axis++) {
            pads[axis] = paddings[2 * axis];
            pads[rank + axis] = paddings[2 * axis + 1];
            shape[axis] += paddings[2 * axis] + paddings[2 * axis + 1];
        }
        String input = onnx.tensor(x, node.name() + "/x");
        List<String> operands = new ArrayList<>(List.of(input, onnx.int64s(node.name() + "/pads", pads)));
        if (node.op().equals("PadV2")) {
            ConstTensor value = Operands.constant(node, inputs, 2, "constant value");
            operands.add(onnx.floatScalar(node.name() + "/value", (float) value.get(0)));
        }
        String y = onnx.node("Pad", operands, node.name(), Map.of("mode", "constant"));
        Operands.define(onnx, node, TensorValue.computed(y, shape));
    }
}
