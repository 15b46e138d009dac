package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;

/**
 * Computes, while converting, the ops whose inputs are all constants: the shape and padding arithmetic that
 * TensorFlow exports leave in graphs (SparseToDense building a zero offset, AddV2 of shapes, Cast, …), so the
 * ONNX graph gets plain constants instead.
 */
final class ConstantFolding {
    private static final Set<String> FOLDABLE = Set.of("Identity", "Add", "AddV2", "Sub", "Mul", "RealDiv",
            "Maximum", "Minimum", "SparseToDense", "Reshape", "Transpose", "ConcatV2", "Cast");

    private ConstantFolding() {
    }

    static boolean canFold(GraphNode node, List<TensorValue> inputs) {
        return FOLDABLE.contains(node.op()) && !inputs.isEmpty() && inputs.stream().allMatch(TensorValue::isConstant);
    }

    static ConstTensor fold(GraphNode node, List<TensorValue> inputs) {
        List<ConstTensor> values = inputs.stream().map(TensorValue::constant).toList();
        String owner = node.describe();
        return switch (node.op()) {
            case "Identity" -> values.get(0);
            case "Add", "AddV2" -> arithmetic(values, Double::sum, owner);
            case "Sub" -> arithmetic(values, (a, b) -> a - b, owner);
            case "Mul" -> arithmetic(values, (a, b) -> a * b, owner);
            case "RealDiv" -> arithmetic(values, (a, b) -> a / b, owner);
            case "Maximum" -> arithmetic(values, Math::max, owner);
            case "Minimum" -> arithmetic(values, Math::min, owner);
            case "SparseToDense" -> sparseToDense(values, owner);
            case "Reshape" -> values.get(0).reshape(
                    LayoutOps.reshaped(values.get(0).shape(), values.get(1).integers(owner + ": the shape"), owner));
            case "Transpose" -> values.get(0).transpose(
                    Shapes.toInts(values.get(1).integers(owner + ": the permutation")));
            case "ConcatV2" -> concat(values, owner);
            case "Cast" -> cast(values.get(0), node.attributes().type("DstT", "DT_FLOAT"), owner);
            default -> throw new IllegalStateException(node.op());
        };
    }

    /** Integer operands give an integer result (truncating division), as TensorFlow's int ops do. */
    private static ConstTensor arithmetic(List<ConstTensor> values, DoubleBinaryOperator op, String owner) {
        ConstTensor a = values.get(0);
        ConstTensor b = values.get(1);
        long[] shape = Shapes.broadcast(a.shape(), b.shape(), owner);
        int[] ia = Shapes.broadcastIndex(a.shape(), shape);
        int[] ib = Shapes.broadcastIndex(b.shape(), shape);
        if (a.isFloat() || b.isFloat()) {
            float[] result = new float[ia.length];
            for (int i = 0; i < result.length; i++) {
                result[i] = (float) op.applyAsDouble(a.get(ia[i]), b.get(ib[i]));
            }
            return ConstTensor.floats(shape, result);
        }
        long[] result = new long[ia.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = (long) op.applyAsDouble(a.ints()[ia[i]], b.ints()[ib[i]]);
        }
        return ConstTensor.ints(shape, result);
    }

    /** SparseToDense(indices, output_shape, values, default): a dense tensor of the default with values set. */
    private static ConstTensor sparseToDense(List<ConstTensor> values, String owner) {
        if (values.size() < 4) {
            throw new TfjsImportException(owner + " needs indices, output shape, values and a default value");
        }
        ConstTensor indices = values.get(0);
        long[] shape = values.get(1).integers(owner + ": the output shape");
        ConstTensor sparse = values.get(2);
        ConstTensor fallback = values.get(3);
        long[] index = indices.integers(owner + ": the indices");
        int count = indices.rank() == 0 ? 1 : (int) indices.shape()[0];
        int rank = indices.rank() == 2 ? (int) indices.shape()[1] : 1;
        if (rank != shape.length || (sparse.size() != 1 && sparse.size() != count)) {
            throw new TfjsImportException(owner + ": indices " + Shapes.show(indices.shape()) + " and values "
                    + Shapes.show(sparse.shape()) + " do not fit output shape " + Shapes.show(shape));
        }
        int size = (int) Shapes.size(shape);
        long[] strides = Shapes.strides(shape);
        double[] dense = new double[size];
        java.util.Arrays.fill(dense, fallback.get(0));
        for (int i = 0; i < count; i++) {
            long at = 0;
            for (int axis = 0; axis < rank; axis++) {
                long coordinate = index[i * rank + axis];
                if (coordinate < 0 || coordinate >= shape[axis]) {
                    throw new TfjsImportException(owner + ": index " + coordinate + " is outside "
                            + Shapes.show(shape));
                }
                at += coordinate * strides[axis];
            }
            dense[(int) at] = sparse.get(sparse.size() == 1 ? 0 : i);
        }
        return sparse.isFloat() ? ConstTensor.floats(shape, toFloats(dense)) : ConstTensor.ints(shape, toLongs(dense));
    }

    private static ConstTensor concat(List<ConstTensor> values, String owner) {
        List<ConstTensor> parts = values.subList(0, values.size() - 1);
        long axisValue = values.get(values.size() - 1).integers(owner + ": the axis")[0];
        int axis = Shapes.axis(axisValue, parts.get(0).rank(), owner);
        long[] shape = LayoutOps.concatenated(parts.stream().map(ConstTensor::shape).toList(), axis, owner);
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        double[] result = new double[(int) Shapes.size(shape)];
        int at = 0;
        for (long block = 0; block < outer; block++) {
            for (ConstTensor part : parts) {
                int chunk = (int) (part.size() / outer);
                for (int i = 0; i < chunk; i++) {
                    result[at++] = part.get((int) (block * chunk + i));
                }
            }
        }
        boolean anyFloat = parts.stream().anyMatch(ConstTensor::isFloat);
        return anyFloat ? ConstTensor.floats(shape, toFloats(result)) : ConstTensor.ints(shape, toLongs(result));
    }

    private static ConstTensor cast(ConstTensor value, String type, String owner) {
        return switch (type) {
            case "DT_FLOAT", "DT_HALF", "DT_DOUBLE" -> ConstTensor.floats(value.shape(), value.asFloats());
            case "DT_INT32", "DT_INT64", "DT_INT16", "DT_INT8", "DT_UINT8", "DT_BOOL" -> {
                long[] result = new long[value.size()];
                for (int i = 0; i < result.length; i++) {
                    double v = value.get(i);
                    result[i] = type.equals("DT_BOOL") ? (v != 0 ? 1 : 0) : (long) v;
                }
                yield ConstTensor.ints(value.shape(), result);
            }
            default -> throw new TfjsImportException(owner + ": cast to " + type + " is not supported");
        };
    }

    private static float[] toFloats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    private static long[] toLongs(double[] values) {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (long) values[i];
        }
        return result;
    }
}
