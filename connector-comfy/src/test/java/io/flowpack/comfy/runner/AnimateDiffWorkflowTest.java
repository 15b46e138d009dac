package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.engine.StepRegistry;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.generate.onnx.TinyMotionModels;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.flowpack.comfy.runner.RunnerClient.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The morph workflow of the reference (§9.3: checkpoint → looped uniform context options → AnimateDiff loader →
 * BatchPromptSchedule → EmptyLatentImage → KSampler → VAEDecode → SaveImage) on flowpack's runner, 20 frames through
 * a tiny motion UNet fixed to 8 frames (so only the context windows let it run), and its error cases.
 */
class AnimateDiffWorkflowTest {
    private static final String CHECKPOINT = "v1-5-pruned-emaonly.safetensors";

    @TempDir
    Path dataDir;
    @TempDir
    Path modelsDir;

    private ComfyRunner runner;
    private RunnerClient client;

    @BeforeEach
    void start() throws IOException {
        TinyDiffusersModels.write(modelsDir.resolve(CHECKPOINT));
        Path motionModels = modelsDir.resolve("animatediff_models");
        TinyMotionModels.write(motionModels.resolve("mm_tiny.onnx"), 8, 1f, -0.5f);
        TinyMotionModels.write(motionModels.resolve("mm_sd_v15_v2.ckpt/model.onnx"), 16, 0.5f, 0f);
        Files.copy(modelsDir.resolve(CHECKPOINT).resolve("unet/model.onnx"), motionModels.resolve("image-unet.onnx"));
        RunnerSettings settings = RunnerSettings.under(dataDir).withPort(0);
        runner = ComfyRunner.start(settings, BuiltInNodes.create(StepRegistry.discover(),
                ModelRegistry.of(getClass().getClassLoader(), modelsDir), settings.inputDirectory()));
        client = new RunnerClient(runner.port());
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    static ObjectNode morphWorkflow() throws IOException {
        try (InputStream in = AnimateDiffWorkflowTest.class.getResourceAsStream("/comfy/animatediff/morph-api.json")) {
            return (ObjectNode) RunnerClient.JSON.readTree(in);
        }
    }

    private static ObjectNode inputs(ObjectNode prompt, String node) {
        return (ObjectNode) prompt.path(node).path("inputs");
    }

    private List<JsonNode> run(ObjectNode prompt) throws Exception {
        RunnerClient.Socket socket = client.socket("morph");
        try {
            String id = client.queue("morph", prompt).json().path("prompt_id").asText();
            return socket.untilDone(id);
        } finally {
            socket.close();
        }
    }

    private static JsonNode error(List<JsonNode> run) {
        return run.stream().filter(m -> type(m).equals("execution_error")).findFirst().orElseThrow().path("data");
    }

    @Test
    void theMorphWorkflowSavesOneImagePerFrame() throws Exception {
        List<JsonNode> run = run(morphWorkflow());
        assertThat(run.stream().map(RunnerClient.Socket::type)).contains("execution_success")
                .doesNotContain("execution_error");
        assertThat(run.stream().filter(m -> type(m).equals("progress")
                && m.path("data").path("node").asText().equals("6"))).hasSize(4);
        JsonNode images = run.stream().filter(m -> type(m).equals("executed")
                        && m.path("data").path("node").asText().equals("8")).findFirst().orElseThrow()
                .path("data").path("output").path("images");
        assertThat(images).hasSize(20);
        for (JsonNode image : images) {
            byte[] png = client.getBytes("/api/view?filename=" + image.path("filename").asText() + "&type=output")
                    .body();
            BufferedImage frame = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(frame.getWidth()).isEqualTo(64);
            assertThat(frame.getHeight()).isEqualTo(48);
        }
        try (var saved = Files.list(dataDir.resolve("output"))) {
            assertThat(saved.filter(p -> p.getFileName().toString().startsWith("morph_"))).hasSize(20);
        }
    }

    @Test
    void theGen1LoaderAndTheStandardContextOptionsRunToo() throws Exception {
        ObjectNode prompt = morphWorkflow();
        ObjectNode loader = inputs(prompt, "3");
        ((ObjectNode) prompt.path("3")).put("class_type", "ADE_AnimateDiffLoaderGen1");
        loader.remove("motion_scale");
        loader.remove("apply_v2_models_properly");
        ((ObjectNode) prompt.path("2")).put("class_type", "ADE_StandardUniformContextOptions");
        inputs(prompt, "2").remove("closed_loop");
        List<JsonNode> run = run(prompt);
        assertThat(run.stream().map(RunnerClient.Socket::type)).contains("execution_success");
    }

    @Test
    void objectInfoAndModelsListTheMotionModels() throws Exception {
        JsonNode gen1 = client.get("/api/object_info/ADE_AnimateDiffLoaderGen1").json().path("ADE_AnimateDiffLoaderGen1");
        assertThat(gen1.path("display_name").asText()).isEqualTo("AnimateDiff Loader 🎭🅐🅓①");
        assertThat(gen1.path("input").path("required").path("model_name").path(0).toString())
                .isEqualTo("[\"image-unet.onnx\",\"mm_sd_v15_v2.ckpt\",\"mm_tiny.onnx\"]");
        assertThat(client.get("/api/models/animatediff_models").json().toString())
                .isEqualTo("[\"image-unet.onnx\",\"mm_sd_v15_v2.ckpt\",\"mm_tiny.onnx\"]");
        assertThat(client.get("/api/models").json().toString()).contains("\"animatediff_models\"");
        JsonNode looped = client.get("/api/object_info/ADE_LoopedUniformContextOptions").json()
                .path("ADE_LoopedUniformContextOptions");
        assertThat(looped.path("output_name").toString()).isEqualTo("[\"CONTEXT_OPTS\"]");
        assertThat(looped.path("input").path("required").path("context_length"))
                .isEqualTo(RunnerTestBase.json("[\"INT\",{\"default\":16,\"min\":1,\"max\":128}]"));
        assertThat(looped.path("input").path("optional").path("fuse_method").path(0).path(0).asText())
                .isEqualTo("pyramid");
    }

    @Test
    void anUnknownMotionModelFailsValidation() throws Exception {
        ObjectNode prompt = morphWorkflow();
        inputs(prompt, "3").put("model_name", "mm_sd_v15.ckpt");
        RunnerClient.Response response = client.post("/prompt", Map.of("prompt", prompt, "client_id", "x"));
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().path("node_errors").path("3").path("errors").path(0);
        assertThat(error.path("type").asText()).isEqualTo("value_not_in_list");
        assertThat(error.path("details").asText()).startsWith("model_name: 'mm_sd_v15.ckpt' not in");
    }

    @Test
    void aMotionModelWithWrongShapesFailsTheLoader() throws Exception {
        ObjectNode prompt = morphWorkflow();
        inputs(prompt, "3").put("model_name", "image-unet.onnx");
        JsonNode error = error(run(prompt));
        assertThat(error.path("node_id").asText()).isEqualTo("3");
        assertThat(error.path("exception_message").asText()).contains("input 'sample' has shape [-1, 4, -1, -1]; "
                + "expected [1, 4, frames, height/8, width/8]");
    }

    @Test
    void aContextLengthOtherThanTheExportsFramesFailsTheLoader() throws Exception {
        ObjectNode prompt = morphWorkflow();
        inputs(prompt, "3").put("model_name", "mm_sd_v15_v2.ckpt");
        JsonNode error = error(run(prompt));
        assertThat(error.path("exception_message").asText())
                .contains("was exported for 16 frames at a time; set context_length to 16 (it is 8)");
    }

    @Test
    void aConditioningBatchOtherThanTheFramesFailsTheSampler() throws Exception {
        ObjectNode prompt = morphWorkflow();
        inputs(prompt, "5").put("batch_size", 18);
        JsonNode error = error(run(prompt));
        assertThat(error.path("node_id").asText()).isEqualTo("6");
        assertThat(error.path("exception_type").asText()).isEqualTo("ValueError");
        assertThat(error.path("exception_message").asText())
                .contains("the positive conditioning holds 20 encodings but the latent batch has 18");
    }

    @Test
    void tooManyFramesFailTheSchedule() throws Exception {
        ObjectNode prompt = morphWorkflow();
        inputs(prompt, "4").put("max_frames", 5000);
        JsonNode error = error(run(prompt));
        assertThat(error.path("node_id").asText()).isEqualTo("4");
        assertThat(error.path("exception_message").asText()).contains("5000 frames are more than the 4096");
    }
}
