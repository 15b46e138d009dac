package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.engine.StepRegistry;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static io.flowpack.comfy.runner.RunnerClient.Socket.type;
import static org.assertj.core.api.Assertions.assertThat;

/** The real nodes end to end: upload → LoadImage → ImageScaleBy → SaveImage → /view. */
class BuiltInGraphTest {

    @TempDir
    Path dataDir;

    private ComfyRunner runner;
    private RunnerClient client;

    @BeforeEach
    void start() throws Exception {
        RunnerSettings settings = RunnerSettings.under(dataDir).withPort(0);
        runner = ComfyRunner.start(settings, BuiltInNodes.create(StepRegistry.discover(), ModelRegistry.standard(),
                settings.inputDirectory()));
        client = new RunnerClient(runner.port());
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void uploadScaleSaveAndView() throws Exception {
        byte[] png = FileRoutesTest.png(64, 48, 0xFF3366CC);
        JsonNode uploaded = client.send(FileRoutesTest.multipart("http://127.0.0.1:" + runner.port() + "/api/upload/image",
                "scene.png", png, "type", "input")).json();
        assertThat(uploaded.path("name").asText()).isEqualTo("scene.png");
        JsonNode info = client.get("/api/object_info/LoadImage").json().path("LoadImage");
        assertThat(info.path("input").path("required").path("image").path(0).toString()).contains("scene.png");

        RunnerClient.Socket socket = client.socket("e2e");
        JsonNode prompt = RunnerTestBase.json("""
                {"10": {"class_type": "LoadImage", "inputs": {"image": "scene.png"}},
                 "11": {"class_type": "ImageScaleBy", "inputs": {"image": ["10", 0], "upscale_method": "bilinear", "scale_by": 2.0}},
                 "12": {"class_type": "SaveImage", "inputs": {"images": ["11", 0], "filename_prefix": "e2e"}}}""");
        String id = client.queue("e2e", prompt).json().path("prompt_id").asText();
        List<JsonNode> run = socket.untilDone(id);
        assertThat(run.stream().map(RunnerClient.Socket::type)).contains("execution_success").doesNotContain("execution_error");
        JsonNode image = run.stream().filter(m -> type(m).equals("executed")).findFirst().orElseThrow()
                .path("data").path("output").path("images").path(0);
        assertThat(image.path("type").asText()).isEqualTo("output");

        HttpResponse<byte[]> view = client.getBytes("/api/view?filename=" + image.path("filename").asText()
                + "&subfolder=" + image.path("subfolder").asText() + "&type=output");
        assertThat(view.statusCode()).isEqualTo(200);
        BufferedImage saved = ImageIO.read(new ByteArrayInputStream(view.body()));
        assertThat(saved.getWidth()).isEqualTo(128);
        assertThat(saved.getHeight()).isEqualTo(96);
        assertThat(saved.getRGB(64, 48) & 0xFFFFFF).isEqualTo(0x3366CC);

        String again = client.queue("e2e", prompt).json().path("prompt_id").asText();
        JsonNode cached = socket.untilDone(again).stream().filter(m -> type(m).equals("execution_cached"))
                .findFirst().orElseThrow();
        assertThat(cached.path("data").path("nodes").toString()).isEqualTo("[\"10\",\"11\",\"12\"]");
    }

    @Test
    void unsupportedNodeTypeGetsComfyUisValidationError() throws Exception {
        RunnerClient.Response response = client.post("/prompt", java.util.Map.of("prompt", RunnerTestBase.json("""
                {"3": {"class_type": "DualCLIPLoader", "inputs": {"type": "flux"}},
                 "9": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "x"}}}""")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("message").asText())
                .isEqualTo("Cannot execute because node DualCLIPLoader does not exist.");
    }

    @Test
    void missingInputFileIsACustomValidationError() throws Exception {
        RunnerClient.Response response = client.post("/prompt", java.util.Map.of("prompt", RunnerTestBase.json("""
                {"1": {"class_type": "LoadImage", "inputs": {"image": "nope.png"}},
                 "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "x"}}}""")));
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().path("node_errors").path("1").path("errors").path(0);
        assertThat(error.path("type").asText()).isEqualTo("custom_validation_failed");
        assertThat(error.path("details").asText()).startsWith("image - ");
    }
}
