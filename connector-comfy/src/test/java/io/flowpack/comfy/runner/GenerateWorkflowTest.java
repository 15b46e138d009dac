package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.engine.StepRegistry;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.onnx.DiffusersFolder;
import io.flowpack.generate.onnx.DiffusersPipeline;
import io.flowpack.generate.onnx.StableDiffusion;
import io.flowpack.generate.onnx.TinyDiffusersModels;
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
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.flowpack.comfy.runner.RunnerClient.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ComfyUI's default text-to-image API workflow, byte for byte as its example scripts send it, on flowpack's runner
 * with a tiny generated diffusers ONNX folder named like the workflow's checkpoint.
 */
class GenerateWorkflowTest {
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
        runner = startRunner();
        client = new RunnerClient(runner.port());
    }

    private ComfyRunner startRunner() throws IOException {
        RunnerSettings settings = RunnerSettings.under(dataDir).withPort(0);
        return ComfyRunner.start(settings, BuiltInNodes.create(StepRegistry.discover(),
                ModelRegistry.of(getClass().getClassLoader(), modelsDir), settings.inputDirectory()));
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void defaultWorkflowRunsUnchangedWithProgressPerStep() throws Exception {
        JsonNode info = client.get("/api/object_info/CheckpointLoaderSimple").json();
        assertThat(info.path("CheckpointLoaderSimple").path("input").path("required").path("ckpt_name").path(0)
                .toString()).isEqualTo("[\"" + CHECKPOINT + "\"]");
        JsonNode sampler = client.get("/api/object_info/KSampler").json().path("KSampler").path("input")
                .path("required");
        assertThat(sampler.path("seed").toString())
                .contains("\"max\":18446744073709551615").contains("\"control_after_generate\":true");
        assertThat(sampler.path("sampler_name").path(0).toString())
                .isEqualTo("[\"euler\",\"euler_ancestral\",\"ddim\",\"lcm\"]");

        RunnerClient.Socket socket = client.socket("txt2img");
        String id = client.queue("txt2img", defaultWorkflow()).json().path("prompt_id").asText();
        List<JsonNode> run = socket.untilDone(id);
        assertThat(run.stream().map(RunnerClient.Socket::type)).contains("execution_success")
                .doesNotContain("execution_error");
        List<JsonNode> progress = run.stream().filter(m -> type(m).equals("progress")
                && m.path("data").path("node").asText().equals("3")).toList();
        assertThat(progress).hasSize(20);
        assertThat(progress.get(19).path("data").path("value").asInt()).isEqualTo(20);
        assertThat(progress.get(19).path("data").path("max").asInt()).isEqualTo(20);

        BufferedImage image = savedImage(run);
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
    }

    @Test
    void sameSeedSamePixelsAcrossRunnersDifferentSeedDifferentPixels() throws Exception {
        int[] first = pixels(runAndView(client, defaultWorkflow()));
        ObjectNode otherSeed = defaultWorkflow();
        ((ObjectNode) otherSeed.path("3").path("inputs")).put("seed", 5);
        int[] other = pixels(runAndView(client, otherSeed));
        assertThat(other).isNotEqualTo(first);

        runner.close();
        runner = startRunner();                            // nothing cached, the checkpoint loaded afresh
        int[] again = pixels(runAndView(new RunnerClient(runner.port()), defaultWorkflow()));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void matchesTheGenerateStepsPipelineForTheSameParameters() throws Exception {
        ObjectNode prompt = defaultWorkflow();
        ObjectNode sampler = (ObjectNode) prompt.path("3").path("inputs");
        sampler.put("scheduler", "simple");                // trailing spacing, as the tiny model's config
        sampler.put("seed", 77);
        ((ObjectNode) prompt.path("5").path("inputs")).put("width", 64).put("height", 48);
        BufferedImage fromGraph = runAndView(client, prompt);

        try (DiffusersPipeline pipeline = DiffusersPipeline.load(new DiffusersFolder(modelsDir.resolve(CHECKPOINT)), 1)) {
            BufferedImage direct = StableDiffusion.generate(pipeline, new GenerationRequest(
                    "masterpiece best quality girl", "bad hands", 77, 64, 48, 20, 8.0, 1, "euler", 1.0, null,
                    CHECKPOINT), GenerationListener.NONE).images().get(0);
            assertThat(pixels(fromGraph)).isEqualTo(pixels(direct));
        }
    }

    @Test
    void aBatchGivesOneSavedImagePerLatentEachFromItsOwnNoise() throws Exception {
        ObjectNode prompt = defaultWorkflow();
        ((ObjectNode) prompt.path("5").path("inputs")).put("width", 64).put("height", 40).put("batch_size", 2);
        RunnerClient.Socket socket = client.socket("batch");
        String id = client.queue("batch", prompt).json().path("prompt_id").asText();
        JsonNode images = socket.untilDone(id).stream().filter(m -> type(m).equals("executed")).findFirst()
                .orElseThrow().path("data").path("output").path("images");
        assertThat(images).hasSize(2);
        List<int[]> saved = new java.util.ArrayList<>();
        for (JsonNode image : images) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(client.getBytes("/api/view?filename="
                    + image.path("filename").asText() + "&type=output").body()));
            assertThat(decoded.getWidth()).isEqualTo(64);
            assertThat(decoded.getHeight()).isEqualTo(40);
            saved.add(pixels(decoded));
        }
        assertThat(saved.get(1)).isNotEqualTo(saved.get(0));
    }

    @Test
    void imageToImageThroughVaeEncodeKeepsTheSizeAndDependsOnDenoise() throws Exception {
        client.send(FileRoutesTest.multipart("http://127.0.0.1:" + runner.port() + "/api/upload/image", "room.png",
                FileRoutesTest.png(96, 64, 0xFF336699), "type", "input"));
        ObjectNode prompt = defaultWorkflow();
        prompt.set("10", RunnerTestBase.json("{\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"room.png\"}}"));
        prompt.set("11", RunnerTestBase.json(
                "{\"class_type\": \"VAEEncode\", \"inputs\": {\"pixels\": [\"10\", 0], \"vae\": [\"4\", 2]}}"));
        ObjectNode sampler = (ObjectNode) prompt.path("3").path("inputs");
        sampler.set("latent_image", RunnerTestBase.json("[\"11\", 0]"));
        sampler.put("denoise", 0.0);
        BufferedImage unchanged = runAndView(client, prompt);
        assertThat(unchanged.getWidth()).isEqualTo(96);
        assertThat(unchanged.getHeight()).isEqualTo(64);
        assertThat(unchanged.getRGB(40, 30) & 0xFFFFFF).as("denoise 0: the encoded image decoded again")
                .isEqualTo(0x336699);

        sampler.put("denoise", 0.5);
        BufferedImage changed = runAndView(client, prompt);
        assertThat(changed.getWidth()).isEqualTo(96);
        assertThat(pixels(changed)).isNotEqualTo(pixels(unchanged));
    }

    @Test
    void unsupportedSamplerGetsComfyUisValidationError() throws Exception {
        ObjectNode prompt = defaultWorkflow();
        ((ObjectNode) prompt.path("3").path("inputs")).put("sampler_name", "dpmpp_2m");
        RunnerClient.Response response = client.post("/prompt", Map.of("prompt", prompt, "client_id", "bad"));
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.path("error").path("type").asText()).isEqualTo("prompt_outputs_failed_validation");
        JsonNode error = body.path("node_errors").path("3").path("errors").path(0);
        assertThat(error.path("type").asText()).isEqualTo("value_not_in_list");
        assertThat(error.path("details").asText())
                .isEqualTo("sampler_name: 'dpmpp_2m' not in ['euler', 'euler_ancestral', 'ddim', 'lcm']");
        assertThat(error.path("extra_info").path("received_value").asText()).isEqualTo("dpmpp_2m");
    }

    @Test
    void aScheduleLongerThanTheModelsTrainingFailsTheSamplerWithTheLimitNamed() throws Exception {
        ObjectNode prompt = defaultWorkflow();
        ((ObjectNode) prompt.path("3").path("inputs")).put("denoise", 0.01);
        RunnerClient.Socket socket = client.socket("long");
        String id = client.queue("long", prompt).json().path("prompt_id").asText();
        JsonNode error = socket.untilDone(id).stream().filter(m -> type(m).equals("execution_error")).findFirst()
                .orElseThrow().path("data");
        assertThat(error.path("node_id").asText()).isEqualTo("3");
        assertThat(error.path("exception_message").asText()).contains("denoise 0.01 with 20 steps needs a schedule "
                + "of 2000 steps").contains("more than the model's 1000 training timesteps");
    }

    @Test
    void interruptStopsSamplingBetweenSteps() throws Exception {
        ObjectNode prompt = defaultWorkflow();
        ((ObjectNode) prompt.path("3").path("inputs")).put("steps", 1000);
        ((ObjectNode) prompt.path("5").path("inputs")).put("width", 1024).put("height", 1024);
        RunnerClient.Socket socket = client.socket("stop");
        String id = client.queue("stop", prompt).json().path("prompt_id").asText();
        JsonNode message;
        do {
            message = socket.next();
            assertThat(type(message)).isNotEqualTo("execution_error");
        } while (!(type(message).equals("progress") && message.path("data").path("node").asText().equals("3")));
        assertThat(client.post("/interrupt", Map.of("prompt_id", id)).status()).isEqualTo(200);
        List<JsonNode> rest = socket.untilDone(id);
        JsonNode interrupted = rest.stream().filter(m -> type(m).equals("execution_interrupted")).findFirst()
                .orElseThrow();
        assertThat(interrupted.path("data").path("node_id").asText()).isEqualTo("3");
        long steps = rest.stream().filter(m -> type(m).equals("progress")).count();
        assertThat(steps).as("stopped long before the last step").isLessThan(900);
        assertThat(rest.stream().map(RunnerClient.Socket::type)).doesNotContain("execution_success");
    }

    static ObjectNode defaultWorkflow() throws IOException {
        try (InputStream in = GenerateWorkflowTest.class.getResourceAsStream("/comfy/generate/default-txt2img-api.json")) {
            return (ObjectNode) RunnerClient.JSON.readTree(in);
        }
    }

    private static BufferedImage runAndView(RunnerClient client, JsonNode prompt) throws Exception {
        RunnerClient.Socket socket = client.socket("gen");
        try {
            String id = client.queue("gen", prompt).json().path("prompt_id").asText();
            List<JsonNode> run = socket.untilDone(id);
            assertThat(run.stream().map(RunnerClient.Socket::type)).contains("execution_success");
            return savedImage(client, run);
        } finally {
            socket.close();
        }
    }

    private BufferedImage savedImage(List<JsonNode> run) throws Exception {
        return savedImage(client, run);
    }

    private static BufferedImage savedImage(RunnerClient client, List<JsonNode> run) throws Exception {
        JsonNode image = run.stream().filter(m -> type(m).equals("executed")
                        && m.path("data").path("node").asText().equals("9")).findFirst().orElseThrow()
                .path("data").path("output").path("images").path(0);
        HttpResponse<byte[]> view = client.getBytes("/api/view?filename=" + image.path("filename").asText()
                + "&subfolder=" + image.path("subfolder").asText() + "&type=" + image.path("type").asText());
        assertThat(view.statusCode()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(view.body()));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
