package io.flowpack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The server as ops run it: routes from a folder, a real file route, health, Prometheus metrics, step descriptors. */
@SpringBootTest(classes = FlowpackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ServerTest {
    @TempDir
    static Path dir;

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("web.yaml"), """
                - route:
                    id: web
                    from:
                      uri: "file:%s?moveFailed=.failed&initialDelay=10&delay=50"
                      steps:
                        - to: "flow:convert?format=jpeg&maxWidth=32"
                        - to: "file:%s"
                """.formatted(dir.resolve("inbox"), dir.resolve("outbox")));
        Files.writeString(routes.resolve("broken.yaml"), "- route:\n    from:\n      uri: \"file:x\"\n      steps:\n        - nope: 1\n");
        registry.add("flowpack.routes-dir", () -> routes.toString());
        registry.add("flowpack.data-dir", () -> dir.resolve("data").toString());
    }

    @Test
    void aFileRouteFromTheFolderRunsAndIsMeasured() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path staged = dir.resolve("alpha.png");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/alpha.png")) {
            Files.copy(in, staged);
        }
        Files.move(staged, inbox.resolve("alpha.png"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("outbox/alpha.audit.json")));
        assertThat(dir.resolve("outbox/alpha.jpg")).exists();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = http.getForObject("/actuator/prometheus", String.class);
            assertThat(metrics).contains("flowpack_documents_in_total{route=\"web\"}")
                    .contains("flowpack_documents_out_total{route=\"web\"}")
                    .contains("flowpack_step_seconds_count{outcome=\"ok\",step=\"convert\"}");
        });
    }

    @Test
    void healthListsRouteFilesWithTheBrokenOnesError() throws Exception {
        JsonNode health = new ObjectMapper().readTree(http.getForObject("/actuator/health", String.class));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode files = health.path("components").path("routeFiles").path("details").path("files");
        assertThat(files.path("web.yaml").path("routes").get(0).asText()).isEqualTo("web");
        assertThat(files.path("broken.yaml").path("error").asText()).contains("nope");
        assertThat(files.path("broken.yaml").path("line").asInt()).isEqualTo(5);
    }

    @Test
    void stepDescriptorsAndOpenApiAreServed() throws Exception {
        JsonNode upscale = new ObjectMapper().readTree(http.getForObject("/api/steps/upscale", String.class));
        assertThat(upscale.path("parameters").findValuesAsText("name")).contains("factor");
        String openApi = http.getForObject("/v3/api-docs", String.class);
        assertThat(openApi).contains("/api/steps").contains("/api/routes");
    }
}
