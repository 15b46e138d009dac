package io.flowpack.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelManifestTest {

    /** The manifest the import tool writes for esrgan-slim ×2, field by field. */
    private static final String IMPORTED = """
            {"name": "esrgan-slim-x2", "task": "super-resolution", "file": "model.onnx", "sha256": "ab12",
             "inputs": [{"name": "input", "role": "image", "layout": "NHWC"}],
             "outputs": [{"name": "output", "role": "image", "layout": "NHWC"}],
             "inputRange": [0, 255], "outputRange": [0, 255], "mean": [0,0,0], "std": [1,1,1],
             "scale": 2, "tile": {"size": 128, "overlap": 12},
             "licence": "MIT",
             "source": {"package": "@upscalerjs/esrgan-slim@1.0.0", "file": "models/x2/model.json", "sha256": "cd34",
                        "weights": [{"file": "group1-shard1of1.bin", "sha256": "ef56"}]},
             "verification": {"tool": "tfjs-node", "maxAbsDiff": 0.0004}}
            """;

    private static ModelManifest parse(String json) {
        return ManifestReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void readsTheImportToolsManifest() {
        ModelManifest manifest = parse(IMPORTED);

        assertThat(manifest.name()).isEqualTo("esrgan-slim-x2");
        assertThat(manifest.task()).isEqualTo("super-resolution");
        assertThat(manifest.inputs()).containsExactly(new TensorSpec("input", "image", TensorLayout.NHWC));
        assertThat(manifest.output(TensorSpec.IMAGE)).contains(new TensorSpec("output", "image", TensorLayout.NHWC));
        assertThat(manifest.inputRange()).containsExactly(0, 255);
        assertThat(manifest.std()).containsExactly(1, 1, 1);
        assertThat(manifest.scale()).isEqualTo(2);
        assertThat(manifest.multipleOf()).isEqualTo(1);
        assertThat(manifest.tile()).isEqualTo(new TileSpec(128, 12));
        assertThat(manifest.sourcePackage()).contains("@upscalerjs/esrgan-slim@1.0.0");
        assertThat(manifest.verification()).containsEntry("maxAbsDiff", 0.0004);
    }

    @Test
    void fillsDefaults() {
        ModelManifest manifest = parse("""
                {"name": "m", "file": "m.onnx", "inputs": [{"name": "x", "role": "image", "layout": "nchw"}],
                 "outputs": [{"name": "boxes", "role": "boxes"}], "mean": [0.5]}""");

        assertThat(manifest.inputRange()).containsExactly(0, 1);
        assertThat(manifest.outputRange()).containsExactly(0, 1);
        assertThat(manifest.mean()).containsExactly(0.5, 0.5, 0.5);
        assertThat(manifest.std()).containsExactly(1, 1, 1);
        assertThat(manifest.scale()).isEqualTo(1);
        assertThat(manifest.tile()).isNull();
        assertThat(manifest.source()).isEqualTo(Map.of());
        assertThat(manifest.outputs().get(0).layout()).isNull();
        assertThat(manifest.inputs(TensorSpec.MASK)).isEqualTo(List.of());
    }

    @Test
    void refusesIncompleteOrContradictoryManifests() {
        assertThatThrownBy(() -> parse("{\"file\": \"m.onnx\"}")).isInstanceOf(ModelLoadException.class)
                .hasMessage("model manifest test.json is not valid: a manifest needs a name");
        assertThatThrownBy(() -> parse("""
                {"name": "m", "file": "m.onnx", "inputs": [{"name": "x", "role": "image", "layout": "NCHW"}],
                 "outputs": [{"name": "y", "role": "image", "layout": "NCHW"}], "std": [1, 0, 1]}"""))
                .hasMessage("model manifest test.json is not valid: manifest of 'm': std must not be 0");
        assertThatThrownBy(() -> parse("""
                {"name": "m", "file": "m.onnx", "inputs": [{"name": "x", "role": "image", "layout": "NCHW"}],
                 "outputs": [{"name": "y", "role": "image", "layout": "NCHW"}], "inputRange": [1, 0]}"""))
                .hasMessageContaining("inputRange must be [low, high] with low < high, got [1.0, 0.0]");
        assertThatThrownBy(() -> parse("""
                {"name": "m", "file": "m.onnx", "inputs": [{"name": "x", "role": "image", "layout": "NCHW"}],
                 "outputs": [{"name": "y", "role": "image", "layout": "NCHW"}], "tile": {"size": 16, "overlap": 12}}"""))
                .hasMessageContaining("overlap at most half");
        assertThatThrownBy(() -> parse("{\"name\": ")).hasMessageStartingWith("model manifest test.json is not valid: ");
    }
}
