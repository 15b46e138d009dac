package io.flowpack.camel;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.DocumentJson;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.routes.RouteDirectory;
import io.flowpack.routes.RouteFileStatus;
import io.flowpack.testsupport.UpperCaseStep;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The flow: component in routes loaded from real YAML files, with real file consumers and producers. */
class FlowRouteTest {
    @TempDir
    Path dir;
    private DefaultCamelContext context;
    private RouteDirectory routes;

    @BeforeEach
    void start() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        StepRegistry registry = new StepRegistry().register(new UpperCaseStep());
        context = new DefaultCamelContext();
        FlowCamel.install(context, new FlowComponent(registry, new StepEngine(blobs), new DocumentIngest(blobs, 1 << 20),
                ImageLimits.DEFAULT));
        context.start();
        Files.createDirectories(dir.resolve("routes"));
        routes = new RouteDirectory(context, dir.resolve("routes"));
    }

    @AfterEach
    void stop() {
        routes.close();
        context.stop();
    }

    private Path route(String file, String id, String flowUri) throws Exception {
        String yaml = """
                - route:
                    id: %s
                    from:
                      uri: "file:%s?moveFailed=.failed&initialDelay=10&delay=50"
                      steps:
                        - to: "%s"
                        - to: "file:%s"
                """.formatted(id, dir.resolve("in-" + id), flowUri, dir.resolve("out-" + id));
        Path path = dir.resolve("routes").resolve(file);
        Files.writeString(path, yaml);
        return path;
    }

    @Test
    void writesResultsWithSuffixAndAuditBeside() throws Exception {
        route("upper.yaml", "upper", "flow:upper?suffix=big");
        routes.loadAll();
        Files.createDirectories(dir.resolve("in-upper/sub"));
        Files.writeString(dir.resolve("in-upper/letter.txt"), "dear reader");

        Path result = dir.resolve("out-upper/letter-big.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("out-upper/letter.audit.json")));
        assertThat(Files.readString(result)).isEqualTo("DEAR READER");
        JsonNode audit = DocumentJson.mapper().readTree(dir.resolve("out-upper/letter.audit.json").toFile());
        assertThat(audit.path("properties").path("name").asText()).isEqualTo("letter.txt");
        assertThat(audit.path("audit").get(0).path("step").asText()).isEqualTo("upper");
        assertThat(audit.path("audit").get(0).path("parameters").path("suffix").asText()).isEqualTo("big");
        assertThat(audit.path("parts")).hasSize(2);
        assertThat(audit.path("parts").get(0).path("kind").asText()).isEqualTo("META");
        assertThat(audit.path("parts").get(1).path("blob").path("sha256").asText()).hasSize(64);
    }

    @Test
    void aFailedInputIsKeptWithItsReason() throws Exception {
        route("upper.yaml", "upper", "flow:upper");
        routes.loadAll();
        Files.createDirectories(dir.resolve("in-upper"));
        Files.writeString(dir.resolve("in-upper/bad.txt"), "FAIL please");

        Path error = dir.resolve("in-upper/.failed/bad.txt.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error)
                && Files.exists(dir.resolve("in-upper/.failed/bad.txt")));
        JsonNode record = DocumentJson.mapper().readTree(error.toFile());
        assertThat(record.path("step").asText()).isEqualTo("upper");
        assertThat(record.path("reason").asText()).isEqualTo("text of 'bad.txt' asks to fail");
        assertThat(record.path("time").asText()).isNotBlank();
        assertThat(Files.readString(dir.resolve("in-upper/.failed/bad.txt"))).isEqualTo("FAIL please");
        assertThat(dir.resolve("out-upper/bad-upper.txt")).doesNotExist();
    }

    @Test
    void aBrokenFileIsReportedWithLineAndTheOthersRun() throws Exception {
        route("good.yaml", "good", "flow:upper");
        Files.writeString(dir.resolve("routes/broken.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: "file:in"
                      steps:
                        - tox: "flow:upper"
                """);
        route("wrong-param.yaml", "wrong", "flow:upper?sufix=x");
        routes.loadAll();

        assertThat(context.getRoute("good")).isNotNull();
        RouteFileStatus broken = status("broken.yaml");
        assertThat(broken.error()).contains("tox");
        assertThat(broken.line()).isEqualTo(6);
        RouteFileStatus wrong = status("wrong-param.yaml");
        assertThat(wrong.error()).contains("unknown parameter 'sufix' for step 'upper'; known: suffix, repeat");
        assertThat(wrong.line()).isEqualTo(6);
        assertThat(context.getRoute("wrong")).isNull();
    }

    @Test
    void aChangedFileIsReloadedAndABrokenReloadKeepsTheOldRoute() throws Exception {
        Path file = route("upper.yaml", "upper", "flow:upper?suffix=one");
        routes.loadAll();
        routes.watch(Duration.ofMillis(100));
        Files.createDirectories(dir.resolve("in-upper"));
        Files.writeString(dir.resolve("in-upper/a.txt"), "a");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("out-upper/a-one.txt")));

        String changed = Files.readString(file).replace("suffix=one", "suffix=two");
        Files.writeString(file, changed);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            RouteFileStatus s = status("upper.yaml");
            return s.ok() && context.getRoute("upper") != null
                    && RouteSteps.flowEndpoints(context.getRoute("upper")).stream().anyMatch(e -> e.getStepParameters().containsValue("two"));
        });
        Files.writeString(dir.resolve("in-upper/b.txt"), "b");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("out-upper/b-two.txt")));

        Files.writeString(file, changed.replace("flow:upper?suffix=two", "flow:nope"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 4000));
        await().atMost(Duration.ofSeconds(20)).until(() -> !status("upper.yaml").ok());
        assertThat(status("upper.yaml").error()).contains("unknown step 'nope'; known: upper");
        assertThat(status("upper.yaml").routeIds()).containsExactly("upper");
        Files.writeString(dir.resolve("in-upper/c.txt"), "c");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("out-upper/c-two.txt")));
    }

    private RouteFileStatus status(String name) {
        return routes.status().stream().filter(s -> s.file().getFileName().toString().equals(name)).findFirst()
                .orElseThrow();
    }
}
