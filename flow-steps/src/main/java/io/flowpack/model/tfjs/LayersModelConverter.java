package io.flowpack.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.model.tfjs.KerasLayer.TensorRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The front end for {@code layers-model} files: a Keras Functional or Sequential model config, converted layer
 * by layer through {@link NhwcOps}.
 */
final class LayersModelConverter {
    static final Set<String> SUPPORTED = new TreeSet<>(List.of("InputLayer", "Conv2D", "DepthwiseConv2D",
            "SeparableConv2D", "Dense", "Activation", "ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax", "Add",
            "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "UpSampling2D", "ZeroPadding2D",
            "Cropping2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D",
            "BatchNormalization", "Dropout", "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "AlphaDropout"));
    private static final Set<String> IDENTITY_AT_INFERENCE = Set.of("Dropout", "SpatialDropout2D", "GaussianNoise",
            "GaussianDropout", "AlphaDropout");

    private final TfjsModelFile model;
    private final OnnxGraph graph;
    private final NhwcOps ops;
    private final Map<String, KerasLayer> layers = new LinkedHashMap<>();
    private final Map<TensorRef, Value> tensors = new HashMap<>();

    private LayersModelConverter(TfjsModelFile model, OnnxGraph graph) {
        this.model = model;
        this.graph = graph;
        this.ops = new NhwcOps(graph);
    }

    static void convert(TfjsModelFile model, OnnxGraph graph) {
        new LayersModelConverter(model, graph).run();
    }

    private void run() {
        JsonNode modelConfig = model.topology().has("model_config") ? model.topology().get("model_config") : model.topology();
        String className = modelConfig.path("class_name").asText();
        JsonNode config = modelConfig.path("config");
        JsonNode layerList = config.isArray() ? config : config.path("layers");
        if (!layerList.isArray() || layerList.isEmpty()) {
            throw new TfjsImportException(model.modelJson() + ": the model config has no layers");
        }
        List<TensorRef> inputs = new ArrayList<>();
        List<TensorRef> outputs = new ArrayList<>();
        if (className.equals("Sequential")) {
            chainSequential(layerList, inputs, outputs);
        } else if (className.equals("Functional") || className.equals("Model")) {
            layerList.forEach(json -> add(KerasLayer.parse(json)));
            refs(config.path("input_layers")).forEach(inputs::add);
            refs(config.path("output_layers")).forEach(outputs::add);
        } else {
            throw new TfjsImportException(model.modelJson() + ": model class '" + className
                    + "' is not supported; supported: Functional, Sequential");
        }
        for (TensorRef input : inputs) {
            KerasLayer layer = layers.get(input.layer());
            String name = inputs.size() == 1 ? "input" : input.layer();
            tensors.put(input, graph.input(name, inputShape(layer)));
        }
        for (TensorRef output : outputs) {
            graph.output(resolve(output), outputs.size() == 1 ? "output" : output.layer());
        }
    }

    /** A Sequential model as a Functional one: each layer called once on its predecessor. */
    private void chainSequential(JsonNode layerList, List<TensorRef> inputs, List<TensorRef> outputs) {
        TensorRef previous = null;
        for (JsonNode json : layerList) {
            KerasLayer parsed = KerasLayer.parse(json);
            if (previous == null && !parsed.className().equals("InputLayer")) {
                KerasLayer input = new KerasLayer("InputLayer", parsed.name() + "_input", parsed.config(), List.of());
                add(input);
                previous = new TensorRef(input.name(), 0, 0);
                inputs.add(previous);
            } else if (previous == null) {
                add(parsed);
                previous = new TensorRef(parsed.name(), 0, 0);
                inputs.add(previous);
                continue;
            }
            add(new KerasLayer(parsed.className(), parsed.name(), parsed.config(), List.of(List.of(previous))));
            previous = new TensorRef(parsed.name(), 0, 0);
        }
        outputs.add(previous);
    }

    private void add(KerasLayer layer) {
        if (layers.put(layer.name(), layer) != null) {
            throw new TfjsImportException(model.modelJson() + ": two layers are named '" + layer.name() + "'");
        }
    }

    private static List<TensorRef> refs(JsonNode list) {
        List<TensorRef> refs = new ArrayList<>();
        if (list.isArray() && !list.isEmpty() && list.get(0).isTextual()) { // Keras 3 writes one ref unwrapped
            refs.add(TensorRef.parse(list));
        } else {
            list.forEach(ref -> refs.add(TensorRef.parse(ref)));
        }
        return refs;
    }

    private static long[] inputShape(KerasLayer layer) {
        JsonNode shape = layer.config().has("batch_input_shape") ? layer.config().path("batch_input_shape")
                : layer.config().path("batch_shape");
        if (!shape.isArray()) {
            throw new TfjsImportException(layer.describe() + " declares no batch_input_shape");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).isNull() ? -1 : shape.get(i).asLong();
        }
        return dims;
    }

    /** The value of a Keras tensor, converting the layers it depends on first. */
    private Value resolve(TensorRef ref) {
        Value known = tensors.get(ref);
        if (known != null) {
            return known;
        }
        KerasLayer layer = layers.get(ref.layer());
        if (layer == null) {
            throw new TfjsImportException(model.modelJson() + ": a layer refers to layer '" + ref.layer()
                    + "', which is not in the model");
        }
        if (ref.node() >= layer.calls().size() || ref.tensor() != 0) {
            throw new TfjsImportException(layer.describe() + " has no output " + ref.tensor() + " of call " + ref.node());
        }
        List<Value> inputs = new ArrayList<>();
        for (TensorRef input : layer.calls().get(ref.node())) {
            inputs.add(resolve(input));
        }
        String hint = layer.calls().size() == 1 ? layer.name() : layer.name() + "_call" + ref.node();
        Value value = apply(layer, inputs, hint);
        tensors.put(ref, value);
        return value;
    }

    private Value apply(KerasLayer layer, List<Value> inputs, String hint) {
        JsonNode config = layer.config();
        if (!config.path("data_format").asText("channels_last").equals("channels_last")) {
            throw new TfjsImportException(layer.describe() + " uses data_format '" + config.path("data_format").asText()
                    + "'; only channels_last is supported");
        }
        Value x = inputs.isEmpty() ? null : inputs.get(0);
        if (IDENTITY_AT_INFERENCE.contains(layer.className())) {
            return x;
        }
        return switch (layer.className()) {
            case "Conv2D" -> activation(layer, conv(layer, x, hint, "kernel", false));
            case "DepthwiseConv2D" -> activation(layer, conv(layer, x, hint, "depthwise_kernel", true));
            case "SeparableConv2D" -> activation(layer, separable(layer, x, hint));
            case "Dense" -> activation(layer, ops.dense(x, weight(layer, "kernel").asFloats(),
                    weight(layer, "kernel").shape(), bias(layer), hint));
            case "Activation" -> Activations.apply(ops, x, config.path("activation").asText(), hint, layer.describe());
            case "ReLU" -> relu(layer, x, hint);
            case "LeakyReLU" -> ops.unary("LeakyRelu", x, hint, Map.of("alpha",
                    (float) config.path("alpha").asDouble(config.path("negative_slope").asDouble(0.3))));
            case "PReLU" -> ops.binaryWithConstant("PRelu", x, weight(layer, "alpha").asFloats(),
                    weight(layer, "alpha").shape(), hint, false);
            case "ELU" -> ops.unary("Elu", x, hint, Map.of("alpha", (float) config.path("alpha").asDouble(1)));
            case "Softmax" -> ops.unary("Softmax", x, hint, Map.of("axis", (long) x.axis(config.path("axis").asInt(-1))));
            case "Add" -> ops.variadic("Sum", inputs, hint);
            case "Average" -> ops.variadic("Mean", inputs, hint);
            case "Maximum" -> ops.variadic("Max", inputs, hint);
            case "Minimum" -> ops.variadic("Min", inputs, hint);
            case "Multiply" -> multiply(inputs, hint);
            case "Subtract" -> ops.binary("Sub", inputs.get(0), inputs.get(1), hint);
            case "Concatenate" -> ops.concat(inputs, config.path("axis").asInt(-1), hint);
            case "UpSampling2D" -> upSampling(layer, x, hint);
            case "ZeroPadding2D" -> ops.pad(x, spatialPads(layer, "padding", x.rank()), "constant", 0, hint);
            case "Cropping2D" -> crop(layer, x, hint);
            case "MaxPooling2D" -> pool(layer, x, "MaxPool", hint);
            case "AveragePooling2D" -> pool(layer, x, "AveragePool", hint);
            case "GlobalAveragePooling2D" -> ops.reduce(x, "ReduceMean", new int[]{1, 2}, keepDims(layer), hint);
            case "GlobalMaxPooling2D" -> ops.reduce(x, "ReduceMax", new int[]{1, 2}, keepDims(layer), hint);
            case "BatchNormalization" -> batchNormalization(layer, x, hint);
            default -> throw unsupported(layer);
        };
    }

    private TfjsImportException unsupported(KerasLayer layer) {
        String why = layer.className().equals("Lambda")
                ? " (a Lambda layer is Python code that model.json does not contain)"
                : "";
        return new TfjsImportException(layer.describe() + " is not supported" + why + "; supported: "
                + String.join(", ", SUPPORTED));
    }

    private Value conv(KerasLayer layer, Value x, String hint, String kernelName, boolean depthwise) {
        TfjsWeight kernel = weight(layer, kernelName);
        return ops.conv2d(x, hint, kernel.asFloats(), kernel.shape(), bias(layer), layer.longs("strides", 1),
                layer.longs("dilation_rate", 1), padding(layer), layer.config().path("groups").asInt(1), depthwise);
    }

    private Value separable(KerasLayer layer, Value x, String hint) {
        TfjsWeight depthwise = weight(layer, "depthwise_kernel");
        TfjsWeight pointwise = weight(layer, "pointwise_kernel");
        Value spread = ops.conv2d(x, hint + "/depthwise", depthwise.asFloats(), depthwise.shape(), null,
                layer.longs("strides", 1), layer.longs("dilation_rate", 1), padding(layer), 1, true);
        return ops.conv2d(spread, hint, pointwise.asFloats(), pointwise.shape(), bias(layer), new long[]{1, 1},
                new long[]{1, 1}, Padding.VALID, 1, false);
    }

    private Value activation(KerasLayer layer, Value x) {
        String name = layer.config().path("activation").asText("linear");
        return Activations.apply(ops, x, name, layer.name() + "/" + name, layer.describe());
    }

    private Value relu(KerasLayer layer, Value x, String hint) {
        JsonNode config = layer.config();
        double slope = config.path("negative_slope").asDouble(0);
        double threshold = config.path("threshold").asDouble(0);
        if (slope != 0 || threshold != 0) {
            throw new TfjsImportException(layer.describe() + " has negative_slope or threshold; only max_value is supported");
        }
        Value relu = ops.unary("Relu", x, config.hasNonNull("max_value") ? hint + "/relu" : hint);
        return config.hasNonNull("max_value")
                ? ops.clip(relu, Float.NEGATIVE_INFINITY, (float) config.path("max_value").asDouble(), hint) : relu;
    }

    private Value multiply(List<Value> inputs, String hint) {
        Value product = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            product = ops.binary("Mul", product, inputs.get(i), i == inputs.size() - 1 ? hint : hint + "/" + i);
        }
        return product;
    }

    /** As tfjs-layers does: nearest (asymmetric, floor) or bilinear resizing without half-pixel centres. */
    private Value upSampling(KerasLayer layer, Value x, String hint) {
        int[] size = layer.ints("size", 2, 2);
        String interpolation = layer.config().path("interpolation").asText("nearest");
        return switch (interpolation) {
            case "nearest" -> ops.resizeByFactors(x, size[0], size[1], "nearest", "asymmetric", hint);
            case "bilinear" -> ops.resizeByFactors(x, size[0], size[1], "linear", "asymmetric", hint);
            default -> throw new TfjsImportException(layer.describe() + " has interpolation '" + interpolation
                    + "'; supported: nearest, bilinear");
        };
    }

    /** {before, after} per NHWC axis from a Keras 2-D padding/cropping config: int, [h, w] or [[t, b], [l, r]]. */
    private static long[][] spatialPads(KerasLayer layer, String key, int rank) {
        JsonNode node = layer.config().path(key);
        long[][] pads = new long[rank][2];
        for (int axis = 0; axis < 2; axis++) {
            JsonNode spec = node.isArray() ? node.get(axis) : node;
            pads[axis + 1][0] = spec.isArray() ? spec.get(0).asLong() : spec.asLong(1);
            pads[axis + 1][1] = spec.isArray() ? spec.get(1).asLong() : spec.asLong(1);
        }
        return pads;
    }

    private Value crop(KerasLayer layer, Value x, String hint) {
        long[][] crops = spatialPads(layer, "cropping", 4);
        Value input = graph.toChannelsFirst(x);
        long[] starts = {crops[1][0], crops[2][0]};
        long[] ends = {crops[1][1] > 0 ? -crops[1][1] : Long.MAX_VALUE, crops[2][1] > 0 ? -crops[2][1] : Long.MAX_VALUE};
        String name = graph.node("Slice", List.of(input.name(), graph.constantInts(hint + "/starts", starts, 2),
                graph.constantInts(hint + "/ends", ends, 2), graph.constantInts(hint + "/axes", new long[]{2, 3}, 2)), hint);
        return input.withName(name);
    }

    private Value pool(KerasLayer layer, Value x, String op, String hint) {
        long[] window = layer.longs("pool_size", 2);
        long[] strides = layer.config().hasNonNull("strides") ? layer.longs("strides", 1) : window;
        return ops.pool(x, op, window, strides, padding(layer), hint);
    }

    private static boolean keepDims(KerasLayer layer) {
        return layer.config().path("keepdims").asBoolean(false);
    }

    private Value batchNormalization(KerasLayer layer, Value x, String hint) {
        JsonNode axis = layer.config().path("axis");
        int channelAxis = axis.isArray() ? axis.get(0).asInt() : axis.asInt(-1);
        if (channelAxis != -1 && channelAxis != x.rank() - 1) {
            throw new TfjsImportException(layer.describe() + " normalises axis " + channelAxis
                    + "; only the channel axis (-1) is supported");
        }
        float[] mean = weight(layer, "moving_mean").asFloats();
        float[] variance = weight(layer, "moving_variance").asFloats();
        boolean scale = layer.config().path("scale").asBoolean(true);
        boolean center = layer.config().path("center").asBoolean(true);
        float[] gamma = scale ? weight(layer, "gamma").asFloats() : null;
        float[] beta = center ? weight(layer, "beta").asFloats() : null;
        double epsilon = layer.config().path("epsilon").asDouble(1e-3);
        float[] factor = new float[mean.length];
        float[] shift = new float[mean.length];
        for (int c = 0; c < mean.length; c++) {
            factor[c] = (float) ((gamma == null ? 1 : gamma[c]) / Math.sqrt(variance[c] + epsilon));
            shift[c] = (beta == null ? 0 : beta[c]) - mean[c] * factor[c];
        }
        return ops.channelAffine(x, factor, shift, hint);
    }

    private static Padding padding(KerasLayer layer) {
        return Padding.named(layer.config().path("padding").asText("valid"), layer.describe());
    }

    private float[] bias(KerasLayer layer) {
        return layer.config().path("use_bias").asBoolean(true) ? weight(layer, "bias").asFloats() : null;
    }

    /** A layer's weight: {@code layer/kernel}, or with the prefix of an enclosing model ({@code model/layer/kernel}). */
    private TfjsWeight weight(KerasLayer layer, String suffix) {
        String exact = layer.name() + "/" + suffix;
        TfjsWeight weight = model.weights().get(exact);
        if (weight != null) {
            return weight;
        }
        List<TfjsWeight> prefixed = model.weights().values().stream()
                .filter(w -> w.name().endsWith("/" + exact) || w.name().equals(exact + ":0")).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        throw new TfjsImportException(layer.describe() + " needs weight '" + exact + "', which the weights manifest "
                + (prefixed.isEmpty() ? "does not contain" : "holds more than once: " + prefixed));
    }
}
