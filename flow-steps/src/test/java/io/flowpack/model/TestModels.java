package io.flowpack.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.onnx.OnnxModelBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiny ONNX models the tests generate themselves (with {@link OnnxModelBuilder}), each with the manifest that
 * describes it, so the real loading, tensor and tiling code runs without any downloaded weights.
 */
public final class TestModels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestModels() {
    }

    /** An ONNX file and its manifest fields ({@code file} and {@code sha256} are filled in by {@link #install}). */
    public record Model(String name, byte[] onnx, Map<String, Object> manifest) {

        /** The same model with some manifest fields replaced. */
        public Model with(String key, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(manifest);
            changed.put(key, value);
            return new Model(name, onnx, changed);
        }

        public Model named(String newName) {
            return new Model(newName, onnx, manifest).with("name", newName);
        }

        /** Writes {@code <folder>/<name>/model.onnx} and its {@code manifest.json}; returns the model file. */
        public Path install(Path folder) {
            try {
                Path dir = Files.createDirectories(folder.resolve(name));
                Path file = dir.resolve("model.onnx");
                Files.write(file, onnx);
                Map<String, Object> json = new LinkedHashMap<>(manifest);
                json.putIfAbsent("file", "model.onnx");
                json.putIfAbsent("sha256", sha256(onnx));
                JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(ModelManifest.FILE_NAME).toFile(), json);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** ×{@code scale} nearest neighbour: a 1×1 convolution copies each channel scale² times, DepthToSpace spreads them. */
    public static Model nearest(String name, int scale, TensorLayout layout) {
        int copies = scale * scale;
        float[] weights = new float[copies * 3 * 3];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < copies; k++) {
                weights[(k * 3 + c) * 3 + c] = 1f; // DCR order: output channel k·C + c reads input channel c
            }
        }
        OnnxModelBuilder graph = new OnnxModelBuilder(name, 17)
                .initializer("copy", weights, copies * 3, 3, 1, 1);
        String in = "image";
        String out = "upscaled";
        if (layout == TensorLayout.NHWC) {
            graph.input(in, OnnxModelBuilder.FLOAT, 1, -1, -1, 3)
                    .output(out, OnnxModelBuilder.FLOAT, 1, -1, -1, 3)
                    .node("Transpose", List.of(in), List.of("nchw"), Map.of("perm", new long[]{0, 3, 1, 2}))
                    .node("Conv", List.of("nchw", "copy"), List.of("copies"), Map.of("kernel_shape", new long[]{1, 1}))
                    .node("DepthToSpace", List.of("copies"), List.of("spread"), Map.of("blocksize", (long) scale, "mode", "DCR"))
                    .node("Transpose", List.of("spread"), List.of(out), Map.of("perm", new long[]{0, 2, 3, 1}));
        } else {
            graph.input(in, OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                    .output(out, OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                    .node("Conv", List.of(in, "copy"), List.of("copies"), Map.of("kernel_shape", new long[]{1, 1}))
                    .node("DepthToSpace", List.of("copies"), List.of(out), Map.of("blocksize", (long) scale, "mode", "DCR"));
        }
        return new Model(name, graph.toBytes(), manifest(name, scale, layout, List.of(spec(in, "image", layout)), out));
    }

    /**
     * Two 3×3 blurs, then ×2 nearest neighbour: each output pixel depends on a 5×5 neighbourhood, so a tiling that
     * does not blend away the tile borders shows seams. Values in 0..255, NCHW.
     */
    public static Model blurThenDouble(String name) {
        float[] kernel = {1, 2, 1, 2, 4, 2, 1, 2, 1};
        float[] blur = new float[3 * 3 * 9];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 9; k++) {
                blur[(c * 3 + c) * 9 + k] = kernel[k] / 16f;
            }
        }
        Model nearest = nearest(name, 2, TensorLayout.NCHW);
        float[] copy = new float[12 * 3];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 4; k++) {
                copy[(k * 3 + c) * 3 + c] = 1f;
            }
        }
        Map<String, Object> pad = Map.of("kernel_shape", new long[]{3, 3}, "pads", new long[]{1, 1, 1, 1});
        byte[] onnx = new OnnxModelBuilder(name, 17)
                .input("image", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .output("upscaled", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .initializer("blur", blur, 3, 3, 3, 3)
                .initializer("copy", copy, 12, 3, 1, 1)
                .node("Conv", List.of("image", "blur"), List.of("blurred"), pad)
                .node("Conv", List.of("blurred", "blur"), List.of("blurred2"), pad)
                .node("Conv", List.of("blurred2", "copy"), List.of("copies"), Map.of("kernel_shape", new long[]{1, 1}))
                .node("DepthToSpace", List.of("copies"), List.of("upscaled"), Map.of("blocksize", 2L, "mode", "DCR"))
                .toBytes();
        return new Model(name, onnx, nearest.manifest())
                .with("inputRange", List.of(0, 255)).with("outputRange", List.of(0, 255));
    }

    /** Inpainting stand-in: image + mask in, {@code image · (1 − mask) + 0.5 · mask} out; scale 1, values 0..1. */
    public static Model fillGray(String name) {
        byte[] onnx = new OnnxModelBuilder(name, 17)
                .input("image", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .input("mask", OnnxModelBuilder.FLOAT, 1, 1, -1, -1)
                .output("filled", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .initializer("one", new float[]{1f}, 1)
                .initializer("half", new float[]{0.5f}, 1)
                .node("Sub", List.of("one", "mask"), List.of("keep"))
                .node("Mul", List.of("image", "keep"), List.of("kept"))
                .node("Mul", List.of("mask", "half"), List.of("gray"))
                .node("Add", List.of("kept", "gray"), List.of("filled"))
                .toBytes();
        Map<String, Object> manifest = manifest(name, 1, TensorLayout.NCHW,
                List.of(spec("image", "image", TensorLayout.NCHW), spec("mask", "mask", TensorLayout.NCHW)), "filled");
        manifest.put("task", "inpainting");
        return new Model(name, onnx, manifest);
    }

    /** ×2 nearest neighbour that only accepts 32×32 inputs (a fixed-size graph). */
    public static Model fixed32(String name) {
        float[] weights = new float[12 * 3];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 4; k++) {
                weights[(k * 3 + c) * 3 + c] = 1f;
            }
        }
        byte[] onnx = new OnnxModelBuilder(name, 17)
                .input("image", OnnxModelBuilder.FLOAT, 1, 3, 32, 32)
                .output("upscaled", OnnxModelBuilder.FLOAT, 1, 3, 64, 64)
                .initializer("copy", weights, 12, 3, 1, 1)
                .node("Conv", List.of("image", "copy"), List.of("copies"), Map.of("kernel_shape", new long[]{1, 1}))
                .node("DepthToSpace", List.of("copies"), List.of("upscaled"), Map.of("blocksize", 2L, "mode", "DCR"))
                .toBytes();
        return new Model(name, onnx, manifest(name, 2, TensorLayout.NCHW,
                List.of(spec("image", "image", TensorLayout.NCHW)), "upscaled"));
    }

    /** Identity that only runs on heights and widths divisible by 4 (SpaceToDepth then DepthToSpace); scale 1. */
    public static Model multipleOf4(String name) {
        byte[] onnx = new OnnxModelBuilder(name, 17)
                .input("image", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .output("same", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .node("SpaceToDepth", List.of("image"), List.of("blocks"), Map.of("blocksize", 4L))
                .node("DepthToSpace", List.of("blocks"), List.of("same"), Map.of("blocksize", 4L, "mode", "DCR"))
                .toBytes();
        return new Model(name, onnx, manifest(name, 1, TensorLayout.NCHW,
                List.of(spec("image", "image", TensorLayout.NCHW)), "same"));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> spec(String name, String role, TensorLayout layout) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("role", role);
        spec.put("layout", layout.name());
        return spec;
    }

    private static Map<String, Object> manifest(String name, int scale, TensorLayout layout,
                                                List<Map<String, Object>> inputs, String output) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("task", "super-resolution");
        manifest.put("inputs", inputs);
        manifest.put("outputs", List.of(spec(output, "image", layout)));
        manifest.put("inputRange", List.of(0, 1));
        manifest.put("outputRange", List.of(0, 1));
        manifest.put("scale", scale);
        manifest.put("tile", Map.of("size", 64, "overlap", 8));
        manifest.put("licence", "MIT");
        manifest.put("source", Map.of("package", "generated by the test"));
        return manifest;
    }
}
