package io.flowpack.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.camel.FlowCamel;
import io.flowpack.camel.FlowComponent;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.DocumentJson;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.pdf.PdfFixtures;
import io.flowpack.routes.RouteDirectory;
import io.flowpack.routes.RouteFileStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of bad input dropped into real file routes (real steps from the class path, routes from YAML files)
 * ends in a precise reason in {@code .failed/<name>.error.json}, the input kept beside it, and the routes keep running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
    @TempDir
    static Path dir;
    private DefaultCamelContext context;
    private RouteDirectory routes;

    @BeforeAll
    void start() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        context = new DefaultCamelContext();
        FlowCamel.install(context, new FlowComponent(StepRegistry.discover(), new StepEngine(blobs),
                new DocumentIngest(blobs, 20_000_000), ImageLimits.DEFAULT));
        context.start();
        Path routeDir = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routeDir.resolve("images.yaml"), route("images", "flow:convert?format=png"));
        Files.writeString(routeDir.resolve("pdfs.yaml"), route("pdfs", "flow:pdf-render?maxPages=2&dpi=36"));
        Files.writeString(routeDir.resolve("unknown-step.yaml"), route("unknown", "flow:upscal"));
        Files.writeString(routeDir.resolve("wrong-param.yaml"), route("wrong", "flow:upscale?facter=2"));
        routes = new RouteDirectory(context, routeDir);
        routes.loadAll();
    }

    private String route(String id, String flowUri) {
        return """
                - route:
                    id: %s
                    from:
                      uri: "file:%s?moveFailed=.failed&initialDelay=10&delay=50"
                      steps:
                        - to: "%s"
                        - to: "file:%s"
                """.formatted(id, dir.resolve("in-" + id), flowUri, dir.resolve("out-" + id));
    }

    @AfterAll
    void stop() {
        routes.close();
        context.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty.png        | images | file is empty",
            "truncated.jpg    | images | truncated",
            "not-an-image.jpg | images | not a supported image",
            "bomb.png         | images | over the limit of 100.0 MP",
            "secret.pdf       | pdfs   | PDF 'secret.pdf' is encrypted with a password; it cannot be opened without it",
            "long.pdf         | pdfs   | PDF 'long.pdf' has 3 pages to render, over the limit of 2",
    })
    void badInputEndsInAPreciseReasonAndIsKept(String name, String route, String reason) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("in-" + route));
        Path staged = Files.createDirectories(dir.resolve("staged"));
        Path input = switch (name) {
            case "bomb.png" -> Files.write(staged.resolve(name), BadInputs.pngDeclaring(60_000, 60_000));
            case "secret.pdf" -> PdfFixtures.encrypted(staged.resolve(name));
            case "long.pdf" -> PdfFixtures.coloured(staged.resolve(name), 3);
            default -> BadInputs.fixture(name, staged);
        };
        byte[] original = Files.readAllBytes(input);
        Files.move(input, inbox.resolve(name));

        Path error = inbox.resolve(".failed/" + name + ".error.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error) && Files.exists(inbox.resolve(".failed/" + name)));
        JsonNode record = DocumentJson.mapper().readTree(error.toFile());
        assertThat(record.path("reason").asText()).contains(reason);
        assertThat(record.path("step").asText()).isIn("convert", "pdf-render");
        assertThat(Files.readAllBytes(inbox.resolve(".failed/" + name))).isEqualTo(original);
    }

    @Test
    void goodInputStillPassesAfterTheBadOnes() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("in-images"));
        Path staged = Files.createDirectories(dir.resolve("staged-good"));
        Files.move(BadInputs.fixture("alpha.png", staged), inbox.resolve("alpha.png"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("out-images/alpha.audit.json")));
        assertThat(dir.resolve("out-images/alpha.png")).exists();
    }

    @Test
    void unknownStepAndWrongParameterAreReportedPerFile() {
        assertThat(status("unknown-step.yaml").error()).contains("unknown step 'upscal'; known: anonymize, convert, generate, morph, pdf-assemble, pdf-render, upscale");
        assertThat(status("wrong-param.yaml").error()).contains("unknown parameter 'facter' for step 'upscale'");
        assertThat(status("wrong-param.yaml").line()).isEqualTo(6);
        assertThat(status("images.yaml").ok()).isTrue();
        assertThat(context.getRoute("images")).isNotNull();
    }

    private RouteFileStatus status(String file) {
        return routes.status().stream().filter(s -> s.file().getFileName().toString().equals(file)).findFirst().orElseThrow();
    }
}
