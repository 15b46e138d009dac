package io.flowpack.model.tfjs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keras/TensorFlow.js activation functions as ONNX nodes, by the names a Keras config uses. */
final class Activations {
    static final Set<String> SUPPORTED = Set.of("linear", "relu", "relu6", "sigmoid", "tanh", "elu", "selu",
            "softplus", "softsign", "swish", "silu", "hard_sigmoid", "softmax", "exponential", "mish", "gelu");

    private Activations() {
    }

    /** Applies activation {@code name} (Keras spelling, e.g. {@code hard_sigmoid}, or tfjs's {@code hardSigmoid}). */
    static Value apply(NhwcOps ops, Value x, String name, String hint, String owner) {
        String key = normalise(name);
        return switch (key) {
            case "linear" -> x;
            case "relu" -> ops.unary("Relu", x, hint);
            case "relu6" -> ops.clip(x, 0, 6, hint);
            case "sigmoid" -> ops.unary("Sigmoid", x, hint);
            case "tanh" -> ops.unary("Tanh", x, hint);
            case "elu" -> ops.unary("Elu", x, hint, Map.of("alpha", 1f));
            case "selu" -> ops.unary("Selu", x, hint); // ONNX's default constants are Keras's
            case "softplus" -> ops.unary("Softplus", x, hint);
            case "softsign" -> ops.unary("Softsign", x, hint);
            case "exponential" -> ops.unary("Exp", x, hint);
            case "hard_sigmoid" -> ops.unary("HardSigmoid", x, hint, Map.of("alpha", 0.2f, "beta", 0.5f));
            case "softmax" -> ops.unary("Softmax", x, hint, Map.of("axis", (long) x.axis(-1)));
            case "swish", "silu" -> ops.binary("Mul", x, ops.unary("Sigmoid", x, hint + "/sigmoid"), hint);
            case "mish" -> ops.binary("Mul", x,
                    ops.unary("Tanh", ops.unary("Softplus", x, hint + "/softplus"), hint + "/tanh"), hint);
            case "gelu" -> gelu(ops, x, hint);
            default -> throw new TfjsImportException(owner + " has activation '" + name + "', which is not supported; "
                    + "supported: " + String.join(", ", SUPPORTED.stream().sorted().toList()));
        };
    }

    /** 0.5 · x · (1 + erf(x / √2)), the exact form tfjs-layers uses. */
    private static Value gelu(NhwcOps ops, Value x, String hint) {
        OnnxGraph graph = ops.graph();
        String scaled = graph.node("Mul", List.of(x.name(), graph.scalar(hint + "/rsqrt2", (float) (1 / Math.sqrt(2)))),
                hint + "/scaled");
        String erf = graph.node("Erf", List.of(scaled), hint + "/erf");
        String onePlus = graph.node("Add", List.of(erf, graph.scalar(hint + "/one", 1f)), hint + "/one_plus");
        String half = graph.node("Mul", List.of(x.name(), graph.scalar(hint + "/half", 0.5f)), hint + "/half_x");
        return x.withName(graph.node("Mul", List.of(half, onePlus), hint));
    }

    private static String normalise(String name) {
        String snake = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return snake.equals("hardsigmoid") ? "hard_sigmoid" : snake;
    }
}
