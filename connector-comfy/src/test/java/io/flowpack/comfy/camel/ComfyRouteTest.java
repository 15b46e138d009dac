package io.flowpack.comfy.camel;

import io.flowpack.camel.FlowCamel;
import io.flowpack.camel.FlowComponent;
import io.flowpack.camel.FlowHeaders;
import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.client.ComfyServerSettings;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.comfy.testsupport.RunnerFixture;
import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import io.flowpack.engine.AuditEntry;
import io.flowpack.step.ProgressListener;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code direct:in → comfy:upscale?server=local → mock:out} with the shipped upscale template on the graph runner. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ComfyRouteTest {
    @TempDir
    Path dir;
    private RunnerFixture runner;
    private CamelContext camel;
    private FlowComponent flow;

    @BeforeEach
    void start() throws Exception {
        runner = new RunnerFixture(dir.resolve("runner"));
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.copy(Path.of("../deploy/comfy-templates/upscale.json"), templates.resolve("upscale.json"));
        camel = new DefaultCamelContext();
        flow = new FlowComponent();
        flow.setBlobDir(dir.resolve("blobs").toString());
        FlowCamel.install(camel, flow);
        ComfyClients clients = new ComfyClients(List.of(ComfyServerSettings.of("local", runner.url())));
        camel.addComponent("comfy", new ComfyComponent(clients, new TemplateFolder(templates), null));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("comfy:upscale?server=local").to("mock:out");
                from("direct:x3").to("comfy:upscale?server=local&model.model_name=esrgan-slim-x3").to("mock:out");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        runner.close();
    }

    private Document document(String name, byte[]... images) throws Exception {
        Document document = flow.ingest().fromStream(new ByteArrayInputStream(images[0]), name);
        for (int i = 1; i < images.length; i++) {
            document.addPart(Part.base("image/png", "page" + (i + 1) + ".png", flow.ingest().blobs().put(images[i]), Map.of()));
        }
        return document;
    }

    private BufferedImage image(Part part) throws Exception {
        BlobStore blobs = flow.ingest().blobs();
        try (InputStream in = blobs.open(part.blob())) {
            return ImageIO.read(in);
        }
    }

    @Test
    void aDocumentGoesThroughTheWorkflowAndComesBackWithTheOutputImage() throws Exception {
        MockEndpoint out = camel.getEndpoint("mock:out", MockEndpoint.class);
        out.expectedMessageCount(1);
        List<String> progress = new CopyOnWriteArrayList<>();
        ProgressListener listener = (step, fraction, message) -> progress.add(step + " " + fraction + " " + message);
        ProducerTemplate producer = camel.createProducerTemplate();
        producer.send("direct:in", exchange -> {
            exchange.getIn().setBody(document("house.png", RunnerFixture.gradientPng(32, 24)));
            exchange.setProperty(FlowHeaders.PROGRESS, listener);
        });
        out.assertIsSatisfied(30_000);

        Document result = out.getExchanges().get(0).getIn().getBody(Document.class);
        assertThat(result.parts()).hasSize(2);
        assertThat(result.parts().get(0).kind()).isEqualTo(PartKind.META);
        Part output = result.parts().get(1);
        assertThat(output.kind()).isEqualTo(PartKind.BASE);
        assertThat(output.mediaType()).isEqualTo("image/png");
        assertThat(output.name()).isEqualTo("house-upscale.png");
        assertThat(output.metadata()).containsEntry("comfyServer", "local").containsEntry("comfyNode", "4")
                .containsEntry("source", result.parts().get(0).id());
        BufferedImage enlarged = image(output);
        assertThat(enlarged.getWidth()).isEqualTo(64);
        assertThat(enlarged.getHeight()).isEqualTo(48);

        AuditEntry audit = result.audit().get(result.audit().size() - 1);
        assertThat(audit.step()).isEqualTo("comfy:upscale");
        assertThat(audit.outcome()).isEqualTo(AuditEntry.OK);
        assertThat(audit.inputs()).containsExactly(result.parts().get(0).id());
        assertThat(audit.outputs()).containsExactly(output.id());
        assertThat(audit.parameters()).containsEntry("server", "local");
        assertThat(audit.details()).containsEntry("template", "upscale").containsEntry("resubmits", 0)
                .containsEntry("url", runner.url());
        assertThat((List<?>) audit.details().get("promptIds")).hasSize(1);
        assertThat(out.getExchanges().get(0).getIn().getHeader(ComfyHeaders.PROMPT_IDS, String.class))
                .isEqualTo(((List<?>) audit.details().get("promptIds")).get(0));

        assertThat(progress.get(0)).isEqualTo("comfy:upscale 0.0 started");
        assertThat(progress).anyMatch(p -> p.contains("node 3 (ImageUpscaleWithModel)"));
        assertThat(progress.get(progress.size() - 1)).isEqualTo("comfy:upscale 1.0 done");
    }

    @Test
    void uriOptionsAndHeadersBindWorkflowInputsAndEveryImageRunsOnce() throws Exception {
        MockEndpoint out = camel.getEndpoint("mock:out", MockEndpoint.class);
        out.expectedMessageCount(2);
        ProducerTemplate producer = camel.createProducerTemplate();
        producer.sendBody("direct:x3", document("a.png", RunnerFixture.gradientPng(20, 10)));
        producer.sendBodyAndHeader("direct:in", document("b.png", RunnerFixture.gradientPng(20, 10),
                RunnerFixture.gradientPng(10, 20)), ComfyHeaders.PARAMS, Map.of("model.model_name", "esrgan-slim-x4"));
        out.assertIsSatisfied(60_000);

        Document x3 = out.getExchanges().get(0).getIn().getBody(Document.class);
        assertThat(image(x3.baseParts().get(0)).getWidth()).isEqualTo(60);
        assertThat(x3.audit().get(0).parameters()).containsEntry("model.model_name", "esrgan-slim-x3");

        Document both = out.getExchanges().get(1).getIn().getBody(Document.class);
        assertThat(both.baseParts()).extracting(Part::name).containsExactly("b-upscale.png", "page2-upscale.png");
        assertThat(image(both.baseParts().get(0)).getWidth()).isEqualTo(80);
        assertThat(image(both.baseParts().get(1)).getHeight()).isEqualTo(80);
        assertThat((List<?>) both.audit().get(0).details().get("promptIds")).hasSize(2);
    }

    @Test
    void aBadParameterFailsTheExchangeWithNodeAndInputAndIsAudited() throws Exception {
        ProducerTemplate producer = camel.createProducerTemplate();
        Document document = document("c.png", RunnerFixture.gradientPng(8, 8));
        assertThatThrownBy(() -> producer.sendBodyAndHeader("direct:in", document, ComfyHeaders.PARAMS,
                Map.of("model.model_name", "RealESRGAN_x4plus.pth")))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("workflow template 'upscale' does not fit ComfyUI server 'local': node 2 \"model\""
                        + " (UpscaleModelLoader), input 'model_name': value \"RealESRGAN_x4plus.pth\" is not one of"
                        + " [esrgan-slim-x2, esrgan-slim-x3, esrgan-slim-x4]");
        AuditEntry audit = document.audit().get(0);
        assertThat(audit.outcome()).isEqualTo(AuditEntry.FAILED);
        assertThat(audit.error()).contains("input 'model_name'");
        assertThat(document.parts()).singleElement().extracting(Part::kind).isEqualTo(PartKind.BASE);
    }

    @Test
    void quotedTitlesAndSpacesSurviveTheUri() {
        ComfyEndpoint endpoint = camel.getEndpoint(
                "comfy:upscale?server=local&%22model%22.model_name=esrgan-slim-x4&save.filename_prefix=a%20b", ComfyEndpoint.class);
        assertThat(endpoint.getWorkflowParameters())
                .containsEntry("\"model\".model_name", "esrgan-slim-x4").containsEntry("save.filename_prefix", "a b");
    }

    @Test
    void withoutSpringTheComponentIsFoundAndConfiguredBySystemProperties() throws Exception {
        System.setProperty("flowpack.comfy.servers.sys.url", runner.url());
        System.setProperty("flowpack.comfy.templates-dir", dir.resolve("templates").toString());
        try (CamelContext plain = new DefaultCamelContext()) {
            FlowCamel.install(plain, flow);
            plain.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:plain").to("comfy:upscale?server=sys");
                }
            });
            plain.start();
            Document result = plain.createProducerTemplate().requestBody("direct:plain",
                    document("p.png", RunnerFixture.gradientPng(12, 12)), Document.class);
            assertThat(image(result.baseParts().get(0)).getWidth()).isEqualTo(24);
        } finally {
            System.clearProperty("flowpack.comfy.servers.sys.url");
            System.clearProperty("flowpack.comfy.templates-dir");
        }
    }

    @Test
    void wrongRoutesFailAtStartWithAPreciseMessage() {
        assertThatThrownBy(() -> camel.getEndpoint("comfy:upscale?server=studio"))
                .hasRootCauseMessage("unknown ComfyUI server 'studio'; configured: local (or give an http:// URL)");
        assertThatThrownBy(() -> camel.getEndpoint("comfy:upscale?server=local&sampler.seed=4"))
                .hasRootCauseMessage("workflow template 'upscale' has no node with id or title 'sampler'; its nodes: "
                        + "1 \"input\" (LoadImage), 2 \"model\" (UpscaleModelLoader), 3 \"upscale\" (ImageUpscaleWithModel),"
                        + " 4 \"save\" (SaveImage)");
        assertThatThrownBy(() -> camel.getEndpoint("comfy:nope?server=local"))
                .rootCause().hasMessageContaining("no workflow template 'nope'");
        assertThatThrownBy(() -> camel.getEndpoint("comfy:upscale"))
                .rootCause().hasMessageContaining("comfy:upscale needs a server");
    }
}
