package io.flowpack.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a model can be broken is refused at load time, with a message that names the model. */
class ModelLoadErrorsTest {
    @TempDir
    Path dir;

    private final ModelSessions sessions = new ModelSessions(1);

    @AfterEach
    void close() {
        sessions.close();
    }

    private LoadedModel load(Path modelFile) {
        return sessions.get(ModelRegistry.fromPath(modelFile));
    }

    @Test
    void aMissingFile() throws Exception {
        Path file = TestModels.nearest("gone", 2, TensorLayout.NCHW).install(dir);
        Files.delete(file);

        assertThatThrownBy(() -> load(file.resolveSibling(ModelManifest.FILE_NAME)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("model 'gone': model file not found: " + file);
    }

    @Test
    void aCorruptFile() throws Exception {
        Path file = TestModels.nearest("corrupt", 2, TensorLayout.NCHW).with("sha256", "").install(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> load(file)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("model 'corrupt': file is not a valid ONNX model: " + file + ": ")
                .hasCauseInstanceOf(ai.onnxruntime.OrtException.class);
    }

    @Test
    void notAModelAtAll() throws Exception {
        Path file = TestModels.nearest("text", 2, TensorLayout.NCHW).with("sha256", "").install(dir);
        Files.writeString(file, "this is not a model");

        assertThatThrownBy(() -> load(file)).hasMessageStartingWith("model 'text': file is not a valid ONNX model");
    }

    @Test
    void aFileThatDiffersFromItsManifestsSha256() throws Exception {
        TestModels.Model original = TestModels.nearest("swapped", 2, TensorLayout.NCHW);
        Path file = original.install(dir);
        byte[] other = TestModels.nearest("swapped", 3, TensorLayout.NCHW).onnx();
        Files.write(file, other);

        assertThatThrownBy(() -> load(file)).isInstanceOf(ModelLoadException.class)
                .hasMessage("model 'swapped': sha256 of " + file + " is " + TestModels.sha256(other)
                        + " but the manifest says " + TestModels.sha256(original.onnx())
                        + "; the file was changed or replaced");
    }

    @Test
    void aManifestInputTheModelDoesNotHave() {
        Path file = TestModels.nearest("renamed", 2, TensorLayout.NCHW)
                .with("inputs", List.of(TestModels.spec("input", "image", TensorLayout.NCHW))).install(dir);

        assertThatThrownBy(() -> load(file)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("model 'renamed': manifest does not match the model: ")
                .hasMessageContaining("manifest input 'input' is not in the model (its inputs: image)")
                .hasMessageContaining("model input 'image' [1,3,-1,-1] is not declared in the manifest");
    }

    @Test
    void aManifestOutputTheModelDoesNotHave() {
        Path file = TestModels.nearest("no-output", 2, TensorLayout.NCHW)
                .with("outputs", List.of(TestModels.spec("output", "image", TensorLayout.NCHW))).install(dir);

        assertThatThrownBy(() -> load(file))
                .hasMessageContaining("model 'no-output': manifest does not match the model: "
                        + "manifest output 'output' is not in the model (its outputs: upscaled)");
    }

    @Test
    void theWrongLayout() {
        Path file = TestModels.nearest("layout", 2, TensorLayout.NCHW)
                .with("inputs", List.of(TestModels.spec("image", "image", TensorLayout.NHWC))).install(dir);

        assertThatThrownBy(() -> load(file)).hasMessageContaining(
                "model 'layout': manifest does not match the model: input 'image' [1, 3, -1, -1] looks like NCHW, "
                        + "but the manifest says NHWC");
    }

    @Test
    void theWrongChannelCountOrRank() {
        Path asMask = TestModels.nearest("as-mask", 2, TensorLayout.NCHW)
                .with("inputs", List.of(TestModels.spec("image", "mask", TensorLayout.NCHW))).install(dir);
        Path mask = TestModels.fillGray("mask-as-image")
                .with("inputs", List.of(TestModels.spec("image", "image", TensorLayout.NCHW),
                        TestModels.spec("mask", "image", TensorLayout.NCHW))).install(dir);

        assertThatThrownBy(() -> load(asMask)).hasMessageContaining(
                "model 'as-mask': manifest does not match the model: input 'image' [1, 3, -1, -1] has 3 channels "
                        + "(NCHW); a mask needs 1");
        assertThatThrownBy(() -> load(mask)).hasMessageContaining(
                "model 'mask-as-image': manifest does not match the model: input 'mask' [1, 1, -1, -1] has 1 "
                        + "channels (NCHW); an image needs 3");
    }

    @Test
    void aFixedSizeModelWhoseOutputDoesNotMatchTheScale() {
        Path file = TestModels.fixed32("fixed-scale").with("scale", 4).install(dir);

        assertThatThrownBy(() -> load(file)).hasMessageContaining(
                "model 'fixed-scale': manifest does not match the model: output 'upscaled' is 64×64 for an input of "
                        + "32×32, which is not the manifest's scale 4");
    }

    @Test
    void anInvalidManifestNamesItsFile() throws Exception {
        Path file = TestModels.nearest("bad-json", 2, TensorLayout.NCHW).install(dir);
        Path manifest = file.resolveSibling(ModelManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"layout\" : \"NCHW\"", "\"layout\" : null"));

        assertThatThrownBy(() -> ModelRegistry.fromPath(manifest)).isInstanceOf(ModelLoadException.class)
                .hasMessage("model manifest " + manifest + " is not valid: tensor 'image' with role image needs a "
                        + "layout (NCHW or NHWC)");
    }

    @Test
    void aModelThatLoadsReportsItsSha256AndSignature() {
        TestModels.Model model = TestModels.nearest("fine", 2, TensorLayout.NHWC);
        LoadedModel loaded = load(model.install(dir));

        assertThat(loaded.sha256()).isEqualTo(TestModels.sha256(model.onnx()));
        assertThat(loaded.signature().shape("image")).containsExactly(1, -1, -1, 3);
        assertThat(loaded.manifest().source()).isEqualTo(Map.of("package", "generated by the test"));
    }
}
