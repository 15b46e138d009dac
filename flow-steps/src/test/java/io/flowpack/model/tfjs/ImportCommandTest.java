package io.flowpack.model.tfjs;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code flowpack models import}: the ONNX file, the manifest with provenance, and exit codes. */
class ImportCommandTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ImportCommand command = new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void writesTheModelAndAManifestWithItsProvenance() throws Exception {
        Path modelJson = upscalerX2(folder.resolve("source/models/x2"));
        Path target = folder.resolve("imported");

        int exit = command.run(new String[]{modelJson.toString(), "--out", target.toString(), "--name", "tiny-x2",
                "--source", "@example/tiny@1.2.3:models/x2/model.json", "--licence", "MIT", "--task",
                "super-resolution", "--scale", "2", "--input-range", "0,255", "--output-range", "0,255",
                "--tile", "64", "--overlap", "8"});

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path onnx = target.resolve("model.onnx");
        JsonNode manifest = TfjsFixture.JSON.readTree(target.resolve("manifest.json").toFile());
        assertThat(manifest.path("name").asText()).isEqualTo("tiny-x2");
        assertThat(manifest.path("task").asText()).isEqualTo("super-resolution");
        assertThat(manifest.path("file").asText()).isEqualTo("model.onnx");
        assertThat(manifest.path("sha256").asText()).isEqualTo(ImportManifest.sha256(onnx));
        assertThat(manifest.path("inputs").toString())
                .isEqualTo("[{\"name\":\"input\",\"role\":\"image\",\"layout\":\"NHWC\"}]");
        assertThat(manifest.path("outputs").toString())
                .isEqualTo("[{\"name\":\"output\",\"role\":\"image\",\"layout\":\"NHWC\"}]");
        assertThat(manifest.path("inputRange").toString()).isEqualTo("[0,255]");
        assertThat(manifest.path("outputRange").toString()).isEqualTo("[0,255]");
        assertThat(manifest.path("mean").toString()).isEqualTo("[0,0,0]");
        assertThat(manifest.path("std").toString()).isEqualTo("[1,1,1]");
        assertThat(manifest.path("scale").asInt()).isEqualTo(2);
        assertThat(manifest.path("tile").toString()).isEqualTo("{\"size\":64,\"overlap\":8}");
        assertThat(manifest.path("licence").asText()).isEqualTo("MIT");
        JsonNode source = manifest.path("source");
        assertThat(source.path("package").asText()).isEqualTo("@example/tiny@1.2.3");
        assertThat(source.path("file").asText()).isEqualTo("models/x2/model.json");
        assertThat(source.path("sha256").asText()).isEqualTo(ImportManifest.sha256(modelJson));
        assertThat(source.path("weights").get(0).path("file").asText()).isEqualTo("group1-shard1of1.bin");
        assertThat(source.path("weights").get(0).path("sha256").asText())
                .isEqualTo(ImportManifest.sha256(modelJson.resolveSibling("group1-shard1of1.bin")));
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            assertThat(session.getMetadata().getCustomMetadata())
                    .containsEntry("source", "@example/tiny@1.2.3:models/x2/model.json")
                    .containsEntry("licence", "MIT");
        }
    }

    @Test
    void aRepeatedImportOfTheSameModelKeepsTheRecordedVerification() throws Exception {
        Path modelJson = upscalerX2(folder.resolve("source"));
        Path target = folder.resolve("imported");
        String[] args = {modelJson.toString(), "--out", target.toString(), "--name", "tiny"};
        assertThat(command.run(args)).isZero();
        Path manifest = target.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{", "{\"verification\": {\"maxAbsDiff\": 0.001},"));

        assertThat(command.run(args)).isZero();

        assertThat(TfjsFixture.JSON.readTree(manifest.toFile()).path("verification").path("maxAbsDiff").asDouble())
                .isEqualTo(0.001);
    }

    @Test
    void wrongArgumentsGiveExitCode2AndAnUnsupportedModel1() throws Exception {
        Path lambda = TfjsFixture.layersModel("in").layer("Lambda", "custom", Map.of(), "in").write(folder.resolve("l"));

        assertThat(command.run(new String[]{lambda.toString(), "--name", "x"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("model.json, --out and --name are required");
        assertThat(command.run(new String[]{lambda.toString(), "--out", folder.resolve("o").toString(), "--name", "x"}))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("layer 'custom' of class 'Lambda' is not supported");
        assertThat(Files.exists(folder.resolve("o/model.onnx"))).isFalse();
    }

    /** A 1-conv ×2 upscaler: nearest-neighbour enlargement, then a 3×3 convolution. */
    static Path upscalerX2(Path folder) throws Exception {
        return TfjsFixture.layersModel("LR")
                .layer("UpSampling2D", "up", Map.of("size", List.of(2, 2)), "LR")
                .layer("Conv2D", "SR", LayersModelConverterTest.convConfig(3, 3, "same", "linear"), "up")
                .weight("SR/kernel", TfjsFixture.random(new java.util.Random(1), 81, 0.3), 3, 3, 3, 3)
                .weight("SR/bias", new float[3], 3)
                .write(folder);
    }
}
