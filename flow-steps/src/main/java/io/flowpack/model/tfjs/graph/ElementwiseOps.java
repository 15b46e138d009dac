package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.graph.OnnxEmitter.Transposition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Arithmetic with broadcasting (Add, Mul, …, AddN, BiasAdd) and activations (Relu, Relu6, LeakyRelu, Sigmoid).
 * Where every computed operand comes out of the same Transpose, the op runs before it instead (constants
 * transposed to match) and the Transpose moves after it: so a convolution's NCHW output meets the next
 * convolution's NCHW input and the Transposes between them cancel.
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    /** A two-operand op that broadcasts as NumPy does, in TensorFlow and ONNX alike. */
    static OpConverter binary(String onnxOp) {
        return (node, inputs, onnx) -> {
            Operands.expect(node, inputs, 2);
            long[] shape = Shapes.broadcast(inputs.get(0).shape(), inputs.get(1).shape(), node.describe());
            emit(onnxOp, List.of(inputs.get(0), inputs.get(1)), Map.of(), shape, node, onnx);
        };
    }

    static void addN(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        Operands.expect(node, inputs, 1);
        long[] shape = inputs.get(0).shape();
        for (TensorValue input : inputs) {
            shape = Shapes.broadcast(shape, input.shape(), node.describe());
        }
        emit("Sum", inputs, Map.of(), shape, node, onnx);
    }

    /** A bias along the channel axis: the last one, or axis 1 for NCHW. */
    static void biasAdd(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        TensorValue x = inputs.get(0);
        ConstTensor bias = Operands.constant(node, inputs, 1, "bias");
        boolean channelsFirst = node.attributes().text("data_format", "NHWC").equals("NCHW");
        if (channelsFirst && x.rank() > 2) {
            long[] shape = new long[x.rank() - 1];
            Arrays.fill(shape, 1);
            shape[0] = bias.size();
            bias = bias.reshape(shape);
        }
        emit("Add", List.of(x, TensorValue.known(bias)), Map.of(), x.shape(), node, onnx);
    }

    static OpConverter unary(String onnxOp) {
        return (node, inputs, onnx) -> {
            Operands.expect(node, inputs, 1);
            emit(onnxOp, List.of(inputs.get(0)), Map.of(), inputs.get(0).shape(), node, onnx);
        };
    }

    static void relu6(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        Operands.expect(node, inputs, 1);
        List<TensorValue> operands = List.of(inputs.get(0), scalar(0), scalar(6));
        emit("Clip", operands, Map.of(), inputs.get(0).shape(), node, onnx);
    }

    static void leakyRelu(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        Operands.expect(node, inputs, 1);
        float alpha = node.attributes().real("alpha", 0.2f); // TensorFlow's default
        emit("LeakyRelu", List.of(inputs.get(0)), Map.of("alpha", alpha), inputs.get(0).shape(), node, onnx);
    }

    /** Identity passes its input on; no ONNX node is needed. */
    static void identity(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx) {
        Operands.expect(node, inputs, 1);
        Operands.define(onnx, node, inputs.get(0));
    }

    private static void emit(String op, List<TensorValue> operands, Map<String, ?> attributes, long[] shape,
                             GraphNode node, OnnxEmitter onnx) {
        Transposition common = commonTransposition(operands, shape.length, onnx);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            names.add(common == null ? onnx.tensor(operands.get(i), node.name() + "/" + i)
                    : beforeTransposition(operands.get(i), common, shape.length, node.name() + "/" + i, onnx));
        }
        String y = onnx.node(op, names, node.name(), attributes);
        String result = common == null ? y : onnx.transpose(y, common.perm(), node.name() + "/transposed");
        Operands.define(onnx, node, TensorValue.computed(result, shape));
    }

    /** The Transpose all computed operands come from, if they all come from one with the same permutation. */
    private static Transposition commonTransposition(List<TensorValue> operands, int rank, OnnxEmitter onnx) {
        Transposition common = null;
        for (TensorValue operand : operands) {
            if (operand.isConstant()) {
                if (operand.rank() > rank) {
                    return null;
                }
                continue;
            }
            Transposition producer = onnx.producer(operand);
            if (producer == null || operand.rank() != rank
                    || (common != null && !Arrays.equals(common.perm(), producer.perm()))) {
                return null;
            }
            common = producer;
        }
        return common;
    }

    /** The operand as it was before {@code common}: its source, or a constant transposed back to match. */
    private static String beforeTransposition(TensorValue operand, Transposition common, int rank, String hint,
                                              OnnxEmitter onnx) {
        if (!operand.isConstant()) {
            return onnx.producer(operand).source();
        }
        ConstTensor constant = operand.constant();
        if (constant.rank() == 0) {
            return onnx.tensor(operand, hint);
        }
        long[] expanded = new long[rank];
        Arrays.fill(expanded, 1);
        System.arraycopy(constant.shape(), 0, expanded, rank - constant.rank(), constant.rank());
        return onnx.tensor(TensorValue.known(constant.reshape(expanded).transpose(common.inverse())), hint);
    }

    private static TensorValue scalar(float value) {
        return TensorValue.known(ConstTensor.floats(new long[0], new float[]{value}));
    }
}
