package io.flowpack.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The shapes of a model's declared inputs and outputs as the ONNX graph states them ({@code -1} for a dimension
 * that is free), after checking them against the manifest: every graph input declared, every declared tensor
 * present, images and masks float tensors of rank 4 with 3 resp. 1 channels in the declared layout, and fixed
 * image sizes consistent with the scale.
 */
public record ModelSignature(Map<String, long[]> shapes) {

    /** @throws ModelLoadException listing every mismatch between manifest and model */
    static ModelSignature check(ModelManifest manifest, OrtSession session) throws OrtException {
        Map<String, NodeInfo> graphInputs = session.getInputInfo();
        Map<String, NodeInfo> graphOutputs = session.getOutputInfo();
        List<String> problems = new ArrayList<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (TensorSpec input : manifest.inputs()) {
            check("input", input, graphInputs, problems, shapes);
        }
        for (String name : graphInputs.keySet()) {
            if (manifest.inputs().stream().noneMatch(t -> t.name().equals(name))) {
                problems.add("model input '" + name + "' " + describe(graphInputs.get(name))
                        + " is not declared in the manifest");
            }
        }
        for (TensorSpec output : manifest.outputs()) {
            check("output", output, graphOutputs, problems, shapes);
        }
        checkScale(manifest, shapes, problems);
        if (!problems.isEmpty()) {
            throw ModelLoadException.of(manifest.name(), "manifest does not match the model: "
                    + String.join("; ", problems));
        }
        return new ModelSignature(Map.copyOf(shapes));
    }

    /** The graph's shape of a declared tensor. */
    public long[] shape(String tensor) {
        long[] shape = shapes.get(tensor);
        if (shape == null) {
            throw new IllegalArgumentException("no declared tensor '" + tensor + "'");
        }
        return shape.clone();
    }

    /** Height of an image or mask tensor when the graph fixes it, else 0. */
    public int fixedHeight(TensorSpec spec) {
        return (int) Math.max(0, shapes.get(spec.name())[spec.layout().heightAxis()]);
    }

    /** Width of an image or mask tensor when the graph fixes it, else 0. */
    public int fixedWidth(TensorSpec spec) {
        return (int) Math.max(0, shapes.get(spec.name())[spec.layout().widthAxis()]);
    }

    private static void check(String kind, TensorSpec spec, Map<String, NodeInfo> graph, List<String> problems,
                              Map<String, long[]> shapes) {
        NodeInfo node = graph.get(spec.name());
        if (node == null) {
            problems.add("manifest " + kind + " '" + spec.name() + "' is not in the model (its " + kind + "s: "
                    + String.join(", ", graph.keySet()) + ")");
            return;
        }
        if (!(node.getInfo() instanceof TensorInfo info)) {
            problems.add(kind + " '" + spec.name() + "' is not a tensor: " + node.getInfo());
            return;
        }
        long[] shape = info.getShape();
        shapes.put(spec.name(), shape);
        if (spec.channels() == 0) {
            return;
        }
        String label = kind + " '" + spec.name() + "' " + Arrays.toString(shape);
        if (info.type != OnnxJavaType.FLOAT) {
            problems.add(label + " holds " + info.type + "; image and mask tensors must be float");
        }
        if (shape.length != 4) {
            problems.add(label + " has rank " + shape.length + "; " + article(spec) + " needs rank 4 ("
                    + spec.layout() + ")");
            return;
        }
        if (shape[0] > 1) {
            problems.add(label + " has batch size " + shape[0] + "; flowpack feeds one image at a time");
        }
        int expected = spec.channels();
        long channels = shape[spec.layout().channelAxis()];
        TensorLayout other = spec.layout() == TensorLayout.NCHW ? TensorLayout.NHWC : TensorLayout.NCHW;
        boolean looksOther = shape[other.channelAxis()] == expected && channels != expected;
        if (looksOther) {
            problems.add(label + " looks like " + other + ", but the manifest says " + spec.layout());
        } else if (channels >= 0 && channels != expected) {
            problems.add(label + " has " + channels + " channels (" + spec.layout() + "); " + article(spec)
                    + " needs " + expected);
        }
    }

    private static void checkScale(ModelManifest manifest, Map<String, long[]> shapes, List<String> problems) {
        List<TensorSpec> images = manifest.inputs(TensorSpec.IMAGE);
        TensorSpec output = manifest.output(TensorSpec.IMAGE).orElse(null);
        if (images.size() != 1 || output == null || !shapes.containsKey(images.get(0).name())
                || !shapes.containsKey(output.name())) {
            return;
        }
        long[] in = shapes.get(images.get(0).name());
        long[] out = shapes.get(output.name());
        if (in.length != 4 || out.length != 4) {
            return;
        }
        TensorSpec input = images.get(0);
        long inH = in[input.layout().heightAxis()];
        long inW = in[input.layout().widthAxis()];
        long outH = out[output.layout().heightAxis()];
        long outW = out[output.layout().widthAxis()];
        if ((inH > 0 && outH > 0 && outH != inH * manifest.scale())
                || (inW > 0 && outW > 0 && outW != inW * manifest.scale())) {
            problems.add("output '" + output.name() + "' is " + outW + "×" + outH + " for an input of " + inW + "×"
                    + inH + ", which is not the manifest's scale " + manifest.scale());
        }
    }

    private static String article(TensorSpec spec) {
        return (spec.isImage() ? "an " : "a ") + spec.role();
    }

    private static String describe(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t
                ? Arrays.stream(t.getShape()).mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]"))
                : "";
    }
}
