package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

import java.util.Map;
import java.util.TreeSet;

import static java.util.Map.entry;

/** The TensorFlow ops the graph-model import converts, each with its converter. */
final class SupportedOps {
    private static final Map<String, OpConverter> CONVERTERS = Map.ofEntries(
            entry("Conv2D", ConvolutionOps::conv2d),
            entry("DepthwiseConv2dNative", ConvolutionOps::depthwise),
            entry("Conv2DBackpropInput", ConvolutionOps::backpropInput),
            entry("MaxPool", PoolingOps::maxPool),
            entry("AvgPool", PoolingOps::avgPool),
            entry("Add", ElementwiseOps.binary("Add")),
            entry("AddV2", ElementwiseOps.binary("Add")),
            entry("Sub", ElementwiseOps.binary("Sub")),
            entry("Mul", ElementwiseOps.binary("Mul")),
            entry("RealDiv", ElementwiseOps.binary("Div")),
            entry("Maximum", ElementwiseOps.binary("Max")),
            entry("Minimum", ElementwiseOps.binary("Min")),
            entry("AddN", ElementwiseOps::addN),
            entry("BiasAdd", ElementwiseOps::biasAdd),
            entry("Relu", ElementwiseOps.unary("Relu")),
            entry("Sigmoid", ElementwiseOps.unary("Sigmoid")),
            entry("Tanh", ElementwiseOps.unary("Tanh")),
            entry("Relu6", ElementwiseOps::relu6),
            entry("LeakyRelu", ElementwiseOps::leakyRelu),
            entry("Identity", ElementwiseOps::identity),
            entry("Transpose", LayoutOps::transpose),
            entry("Reshape", LayoutOps::reshape),
            entry("ConcatV2", LayoutOps::concat),
            entry("SplitV", LayoutOps::splitV),
            entry("Split", LayoutOps::splitEvenly),
            entry("Pad", LayoutOps::pad),
            entry("PadV2", LayoutOps::pad),
            entry("ResizeBilinear", ResizeOps::bilinear));

    private SupportedOps() {
    }

    static OpConverter converter(GraphNode node) {
        OpConverter converter = CONVERTERS.get(node.op());
        if (converter == null) {
            throw new TfjsImportException(node.describe() + ": op '" + node.op()
                    + "' is not supported by the graph-model import; supported ops: Const, Placeholder, "
                    + String.join(", ", new TreeSet<>(CONVERTERS.keySet()))
                    + " (SparseToDense and Cast on constants are computed while converting)");
        }
        return converter;
    }
}
