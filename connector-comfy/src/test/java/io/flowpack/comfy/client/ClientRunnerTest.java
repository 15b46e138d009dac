package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.template.NodeCatalog;
import io.flowpack.comfy.template.WorkflowValidator;
import io.flowpack.comfy.testsupport.HoldNode;
import io.flowpack.comfy.testsupport.NoWebSocketProxy;
import io.flowpack.comfy.testsupport.RunnerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against flowpack's graph runner on a real loopback port: uploads, runs, outputs, errors, events. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientRunnerTest {
    @TempDir
    Path dir;
    private RunnerFixture runner;
    private ComfyClient client;

    @BeforeEach
    void start() throws Exception {
        runner = new RunnerFixture(dir);
        client = new ComfyClient(ComfyServerSettings.of("local", runner.url()));
    }

    @AfterEach
    void stop() {
        client.close();
        runner.close();
    }

    static ObjectNode workflow(String json) throws Exception {
        return (ObjectNode) ComfyJson.MAPPER.readTree(json);
    }

    static ObjectNode scaleWorkflow(String image, double scale) throws Exception {
        return workflow("""
                {"1": {"class_type": "LoadImage", "inputs": {"image": "%s"}},
                 "2": {"class_type": "ImageScaleBy", "inputs": {"image": ["1", 0], "upscale_method": "bilinear", "scale_by": %s}},
                 "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "client/scaled"}}}
                """.formatted(image, scale));
    }

    static BufferedImage decode(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void uploadLoadScaleSaveView() throws Exception {
        UploadedImage uploaded = client.uploadImage("gradient.png", "image/png", RunnerFixture.gradientPng(40, 30), false);
        assertThat(uploaded.name()).isEqualTo("gradient.png");
        assertThat(uploaded.type()).isEqualTo("input");
        ObjectNode workflow = scaleWorkflow(uploaded.reference(), 2.0);
        WorkflowValidator.validate(workflow, NodeCatalog.fetch(client, workflow), "scale");

        List<ComfyProgress.Update> updates = new CopyOnWriteArrayList<>();
        PromptResult result = client.run(workflow, updates::add);

        assertThat(result.images()).singleElement().satisfies(image -> {
            assertThat(image.nodeId()).isEqualTo("3");
            assertThat(image.type()).isEqualTo("output");
            assertThat(image.subfolder()).isEqualTo("client");
            assertThat(image.filename()).startsWith("scaled_").endsWith(".png");
        });
        BufferedImage scaled = decode(client.view(result.images().get(0)));
        assertThat(scaled.getWidth()).isEqualTo(80);
        assertThat(scaled.getHeight()).isEqualTo(60);
        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(updates).extracting(ComfyProgress.Update::node).contains("1", "2", "3");

        // identical bytes again: the server reuses the stored name; different bytes get a new one
        assertThat(client.uploadImage("gradient.png", "image/png", RunnerFixture.gradientPng(40, 30), false).name())
                .isEqualTo("gradient.png");
        assertThat(client.uploadImage("gradient.png", "image/png", RunnerFixture.gradientPng(41, 30), false).name())
                .isEqualTo("gradient (1).png");
    }

    @Test
    void aFlowpackStepNodeRunsInTheWorkflow() throws Exception {
        UploadedImage uploaded = client.uploadImage("step in.png", "image/png", RunnerFixture.gradientPng(32, 24), false);
        ObjectNode workflow = workflow("""
                {"1": {"class_type": "LoadImage", "inputs": {"image": "%s"}},
                 "2": {"class_type": "flowpack.upscale", "inputs": {"image": ["1", 0], "factor": 2, "longEdge": 0,
                        "method": "lanczos", "model": "esrgan-slim", "tileSize": 0, "tileOverlap": 0, "format": "png",
                        "quality": 0.9}},
                 "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "step"}}}
                """.formatted(uploaded.reference()));
        WorkflowValidator.validate(workflow, NodeCatalog.fetch(client, workflow), "step");
        PromptResult result = client.run(workflow, ComfyProgress.NONE);
        BufferedImage upscaled = decode(client.view(result.images().get(0)));
        assertThat(upscaled.getWidth()).isEqualTo(64);
        assertThat(upscaled.getHeight()).isEqualTo(48);
    }

    @Test
    void withoutWebSocketTheHistoryFinishesThePrompt() throws Exception {
        client.uploadImage("nows.png", "image/png", RunnerFixture.gradientPng(20, 20), false);
        try (NoWebSocketProxy proxy = new NoWebSocketProxy(runner.runner().port());
             ComfyClient proxied = new ComfyClient(ComfyServerSettings.of("proxied", proxy.url()))) {
            List<ComfyProgress.Update> updates = new CopyOnWriteArrayList<>();
            PromptResult result = proxied.run(scaleWorkflow("nows.png", 0.5), updates::add);
            assertThat(decode(proxied.view(result.images().get(0))).getWidth()).isEqualTo(10);
            assertThat(updates).extracting(ComfyProgress.Update::node).containsOnlyNulls();
            assertThat(updates.get(updates.size() - 1).fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void anOutputOverTheLimitIsRefused() throws Exception {
        client.uploadImage("big.png", "image/png", RunnerFixture.gradientPng(64, 64), false);
        PromptResult result = client.run(scaleWorkflow("big.png", 2), ComfyProgress.NONE);
        try (ComfyClient small = new ComfyClient(ComfyServerSettings.of("small", runner.url()).withMaxOutputBytes(100))) {
            assertThatThrownBy(() -> small.view(result.images().get(0)))
                    .isInstanceOf(ComfyException.class)
                    .hasMessageContaining("GET /view?filename=")
                    .hasMessageContaining("bytes, over the limit of 100 bytes");
        }
    }

    @Test
    void theServersValidationErrorsArePrecise() throws Exception {
        client.uploadImage("v.png", "image/png", RunnerFixture.gradientPng(8, 8), false);
        assertThatThrownBy(() -> client.run(scaleWorkflow("v.png", 100), ComfyProgress.NONE))
                .isInstanceOfSatisfying(PromptRejectedException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("prompt_outputs_failed_validation");
                    assertThat(e.nodeErrors()).singleElement().satisfies(n -> {
                        assertThat(n.nodeId()).isEqualTo("2");
                        assertThat(n.classType()).isEqualTo("ImageScaleBy");
                        assertThat(n.type()).isEqualTo("value_bigger_than_max");
                        assertThat(n.inputName()).isEqualTo("scale_by");
                        assertThat(n.dependentOutputs()).containsExactly("3");
                    });
                    assertThat(e.getMessage()).contains("node 2 (ImageScaleBy) input 'scale_by'");
                });
        ObjectNode unknown = workflow("{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {}},"
                + " \"2\": {\"class_type\": \"NoSuchNode\", \"inputs\": {}}}");
        assertThatThrownBy(() -> client.run(unknown, ComfyProgress.NONE))
                .isInstanceOfSatisfying(PromptRejectedException.class, e -> {
                    assertThat(e.errorType()).isIn("invalid_prompt", "missing_node_type");
                    assertThat(e.getMessage()).contains("refused the workflow");
                });
        assertThat(client.objectInfo("NoSuchNode")).isEmpty();
        assertThat(client.objectInfo("LoadImage")).isPresent();
    }

    @Test
    void aNodeThatFailsNamesNodeAndClass() throws Exception {
        client.uploadImage("f.png", "image/png", RunnerFixture.gradientPng(8, 8), false);
        ObjectNode workflow = workflow("""
                {"1": {"class_type": "LoadImage", "inputs": {"image": "f.png"}},
                 "2": {"class_type": "TestHold", "inputs": {"image": ["1", 0], "millis": 10, "fail": true}},
                 "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "f"}}}
                """);
        assertThatThrownBy(() -> client.run(workflow, ComfyProgress.NONE))
                .isInstanceOfSatisfying(PromptFailedException.class, e -> {
                    assertThat(e.nodeId()).isEqualTo("2");
                    assertThat(e.nodeType()).isEqualTo(HoldNode.CLASS);
                    assertThat(e.exceptionMessage()).contains("held and failed on purpose");
                });
    }

    @Test
    void webSocketMessagesArriveInComfyUisOrder() throws Exception {
        client.uploadImage("o.png", "image/png", RunnerFixture.gradientPng(16, 16), false);
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        client.addMessageListener(messages::add);
        PromptResult first = client.run(scaleWorkflow("o.png", 1.5), ComfyProgress.NONE);
        List<String> events = eventsOf(messages, first.promptId());
        assertThat(events.get(0)).isEqualTo("execution_start");
        assertThat(events).containsSubsequence("execution_start", "execution_cached", "executing 1", "executing 2",
                "executing 3", "executed 3", "execution_success", "executing null");
        assertThat(events.get(events.size() - 1)).isEqualTo("executing null");

        // the same workflow again: the server reuses cached outputs and says so
        messages.clear();
        PromptResult second = client.run(scaleWorkflow("o.png", 1.5), ComfyProgress.NONE);
        assertThat(second.cachedNodes()).isNotEmpty();
        assertThat(eventsOf(messages, second.promptId())).containsSubsequence("execution_start", "execution_cached",
                "execution_success", "executing null");
        assertThat(messages.get(0).path("type").asText()).isNotEmpty();
    }

    private static List<String> eventsOf(List<JsonNode> messages, String promptId) {
        List<String> events = new ArrayList<>();
        for (JsonNode message : messages) {
            JsonNode data = message.path("data");
            if (!promptId.equals(data.path("prompt_id").asText())) {
                continue;
            }
            String type = message.path("type").asText();
            switch (type) {
                case "executing" -> events.add("executing " + (data.path("node").isNull() ? "null" : data.path("node").asText()));
                case "executed" -> events.add("executed " + data.path("node").asText());
                case "progress", "progress_state" -> { }
                default -> events.add(type);
            }
        }
        return events;
    }
}
