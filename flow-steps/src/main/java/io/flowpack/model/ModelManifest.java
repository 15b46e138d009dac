package io.flowpack.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a model is and how to feed it: the {@code manifest.json} beside every model file. Written by the import
 * tool for bundled models and by hand for user models; read with {@link ManifestReader}.
 *
 * <pre>{@code
 * {"name": "esrgan-slim-x2", "task": "super-resolution", "file": "model.onnx", "sha256": "…",
 *  "inputs": [{"name": "input", "role": "image", "layout": "NHWC"}],
 *  "outputs": [{"name": "output", "role": "image", "layout": "NHWC"}],
 *  "inputRange": [0, 255], "outputRange": [0, 255], "mean": [0,0,0], "std": [1,1,1],
 *  "scale": 2, "tile": {"size": 128, "overlap": 12}, "licence": "MIT", "source": {…}}
 * }</pre>
 *
 * An image input gets {@code (v - mean) / std} of its pixels mapped from 0..255 onto {@code inputRange}; an image
 * output is mapped from {@code outputRange} back onto 0..255. A mask input carries 0..1 (1 = the area to fill).
 *
 * @param name        unique model name, e.g. {@code esrgan-slim-x2}
 * @param task        e.g. {@code super-resolution}, {@code inpainting}
 * @param file        the ONNX file, relative to the manifest
 * @param sha256      hex sha256 of that file; checked at load time when present
 * @param inputs      every graph input, by name and role
 * @param outputs     the graph outputs flowpack reads
 * @param inputRange  the value range image pixels are mapped to (default 0..1)
 * @param outputRange the value range of image outputs (default 0..1)
 * @param mean        per-channel mean subtracted after the range mapping (default 0)
 * @param std         per-channel divisor after the mean (default 1)
 * @param scale       output size / input size for image→image models (default 1)
 * @param multipleOf  image inputs must be a multiple of this in height and width (default 1); edges are padded
 * @param tile        the preferred tiling, or null to leave it to the caller
 * @param licence     SPDX-style licence of the weights
 * @param source      provenance: package, file, sha256 of the original …
 * @param verification how the import was checked against the original framework
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(String name, String task, String file, String sha256,
                            List<TensorSpec> inputs, List<TensorSpec> outputs,
                            double[] inputRange, double[] outputRange, double[] mean, double[] std,
                            int scale, int multipleOf, TileSpec tile, String licence,
                            Map<String, Object> source, Map<String, Object> verification) {
    public static final String FILE_NAME = "manifest.json";

    public ModelManifest {
        require(name != null && !name.isBlank(), "a manifest needs a name");
        require(file != null && !file.isBlank(), "manifest of '" + name + "' names no model file");
        require(inputs != null && !inputs.isEmpty(), "manifest of '" + name + "' declares no inputs");
        require(outputs != null && !outputs.isEmpty(), "manifest of '" + name + "' declares no outputs");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        inputRange = range(name, "inputRange", inputRange);
        outputRange = range(name, "outputRange", outputRange);
        mean = perChannel(name, "mean", mean, 0);
        std = perChannel(name, "std", std, 1);
        for (double s : std) {
            require(s != 0, "manifest of '" + name + "': std must not be 0");
        }
        scale = scale == 0 ? 1 : scale;
        require(scale >= 1, "manifest of '" + name + "': scale must be at least 1, got " + scale);
        multipleOf = multipleOf == 0 ? 1 : multipleOf;
        require(multipleOf >= 1, "manifest of '" + name + "': multipleOf must be at least 1, got " + multipleOf);
        source = source == null ? Map.of() : source;
        verification = verification == null ? Map.of() : verification;
    }

    /** The declared inputs with the given role. */
    public List<TensorSpec> inputs(String role) {
        return inputs.stream().filter(t -> t.role().equals(role)).toList();
    }

    /** The first declared output with the given role. */
    public Optional<TensorSpec> output(String role) {
        return outputs.stream().filter(t -> t.role().equals(role)).findFirst();
    }

    /** The source package the weights came from ({@code @upscalerjs/esrgan-slim@1.0.0}), if recorded. */
    public Optional<String> sourcePackage() {
        return Optional.ofNullable(source.get("package")).map(Object::toString);
    }

    @Override
    public String toString() {
        return "ModelManifest[" + name + ", task " + task + ", file " + file + ", scale " + scale
                + ", inputRange " + Arrays.toString(inputRange) + ", outputRange " + Arrays.toString(outputRange) + "]";
    }

    private static double[] range(String name, String field, double[] range) {
        if (range == null) {
            return new double[]{0, 1};
        }
        require(range.length == 2 && range[1] > range[0],
                "manifest of '" + name + "': " + field + " must be [low, high] with low < high, got " + Arrays.toString(range));
        return range.clone();
    }

    private static double[] perChannel(String name, String field, double[] values, double fallback) {
        if (values == null) {
            return new double[]{fallback, fallback, fallback};
        }
        if (values.length == 1) {
            return new double[]{values[0], values[0], values[0]};
        }
        require(values.length == 3, "manifest of '" + name + "': " + field + " needs 1 or 3 values, got " + values.length);
        return values.clone();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
