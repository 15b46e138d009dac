package io.flowpack.deploy.comfy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.comfy.runner.ComfyRunner;
import io.flowpack.comfy.runner.RunnerSettings;
import io.flowpack.deploy.FlowpackApplication;
import io.flowpack.engine.StepRegistry;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped route {@code deploy/routes/comfy-upscale.yaml} and template {@code deploy/comfy-templates/upscale.json}
 * in the server, against flowpack's graph runner on a free loopback port: a photo dropped into the inbox comes out
 * enlarged by the ComfyUI workflow, with its audit.
 */
@SpringBootTest(classes = FlowpackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComfyRouteServerTest {
    @TempDir
    static Path dir;
    static ComfyRunner runner;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        RunnerSettings settings = RunnerSettings.under(dir.resolve("runner")).withPort(0);
        runner = ComfyRunner.start(settings, BuiltInNodes.create(StepRegistry.discover(),
                ModelRegistry.of(ComfyRouteServerTest.class.getClassLoader(), null), settings.inputDirectory()));
        Path routes = Files.createDirectories(dir.resolve("routes"));
        String shipped = Files.readString(Path.of("routes/comfy-upscale.yaml"));
        assertThat(shipped).contains("file:data/inbox/comfy-upscale?moveFailed=.failed").contains("comfy:upscale?server=local");
        Files.writeString(routes.resolve("comfy-upscale.yaml"), shipped
                .replace("file:data/inbox/comfy-upscale?", "file:" + dir.resolve("inbox") + "?initialDelay=10&delay=50&")
                .replace("file:data/outbox/comfy-upscale", "file:" + dir.resolve("outbox")));
        Files.writeString(routes.resolve("comfy-job.yaml"), """
                - route:
                    id: comfy-client-job
                    from:
                      uri: "job:comfy-client-upscale"
                      steps:
                        - to: "comfy:upscale?server=local&model.model_name=esrgan-slim-x3"
                """);
        registry.add("flowpack.routes-dir", routes::toString);
        registry.add("flowpack.data-dir", () -> dir.resolve("data").toString());
        registry.add("flowpack.comfy.templates-dir", () -> Path.of("comfy-templates").toAbsolutePath().toString());
        registry.add("flowpack.comfy.servers.local.url", runner::url);
        registry.add("flowpack.comfy.runner.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Test
    void aJobRunsTheWorkflowAndShowsItsProgressAsAStep() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", png);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("template", "comfy-client-upscale");
        form.add("files", new ByteArrayResource(png.toByteArray()) {
            @Override
            public String getFilename() {
                return "small.png";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate http = new TestRestTemplate();
        String base = "http://localhost:" + port + "/api/jobs";
        ResponseEntity<String> created = http.postForEntity(base, new HttpEntity<>(form, headers), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = JSON.readTree(created.getBody()).path("id").asText();

        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            job.set(JSON.readTree(http.getForObject(base + "/" + id, String.class)));
            return Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get().path("state").asText());
        });
        assertThat(job.get().path("state").asText()).as(job.get().toString()).isEqualTo("SUCCEEDED");
        JsonNode step = job.get().path("steps").get(0);
        assertThat(step.path("step").asText()).isEqualTo("comfy:upscale");
        assertThat(step.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(step.path("progress").asDouble()).isEqualTo(1.0);
        JsonNode parts = JSON.readTree(http.getForObject(base + "/" + id + "/parts", String.class));
        assertThat(parts.toString()).contains("small-upscale.png");
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    @Test
    void aPhotoGoesThroughTheComfyUiWorkflowAndComesOutEnlarged() throws Exception {
        BufferedImage photo = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                photo.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 80);
            }
        }
        Path staged = dir.resolve("house.png");
        ImageIO.write(photo, "png", staged.toFile());
        Files.createDirectories(dir.resolve("inbox"));
        Files.move(staged, dir.resolve("inbox/house.png"));

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dir.resolve("outbox/house.audit.json")));
        BufferedImage enlarged = ImageIO.read(dir.resolve("outbox/house-upscale.png").toFile());
        assertThat(enlarged.getWidth()).isEqualTo(80);
        assertThat(enlarged.getHeight()).isEqualTo(60);
        JsonNode audit = new ObjectMapper().readTree(dir.resolve("outbox/house.audit.json").toFile());
        assertThat(audit.toString()).contains("\"step\":\"comfy:upscale\"").contains("\"outcome\":\"ok\"")
                .contains(runner.url());
    }
}
