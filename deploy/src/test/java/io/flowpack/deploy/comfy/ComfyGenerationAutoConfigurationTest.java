package io.flowpack.deploy.comfy;

import io.flowpack.comfy.generate.ComfyGenerationBackend;
import io.flowpack.comfy.generate.ComfyGenerationSettings;
import io.flowpack.deploy.config.FlowpackAutoConfiguration;
import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.generate.GenerateStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comfy generation backend as a bean, found by the generate step, configured under flowpack.generate.comfy. */
class ComfyGenerationAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowpackAutoConfiguration.class,
                        ComfyClientAutoConfiguration.class, ComfyGenerationAutoConfiguration.class))
                .withPropertyValues("flowpack.data-dir=" + dir,
                        "flowpack.comfy.templates-dir=" + Path.of("comfy-templates").toAbsolutePath());
    }

    private static Throwable generate(ApplicationContext context) throws Exception {
        BlobStore blobs = context.getBean(BlobStore.class);
        Part prompt = Part.base("text/plain", "p.txt",
                blobs.write(out -> out.write("apples".getBytes(StandardCharsets.UTF_8))), Map.of());
        try {
            context.getBean(StepEngine.class).run(Document.of("p.txt", prompt), context.getBean(GenerateStep.class),
                    Map.of("backend", "comfy", "width", 64, "height", 64), RunOptions.DEFAULT);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void theGenerateStepRunsTheComfyBackendOnTheConfiguredServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner().withPropertyValues("flowpack.comfy.servers.studio.url=http://127.0.0.1:" + closedPort,
                "flowpack.generate.comfy.server=studio", "flowpack.generate.comfy.upscale-template=upscale")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ComfyGenerationSettings settings = context.getBean(ComfyGenerationBackend.class).settings();
                    assertThat(settings).isEqualTo(new ComfyGenerationSettings("studio", "txt2img", "refine",
                            "upscale"));
                    assertThat(generate(context)).hasMessageContaining("comfy backend (server 'studio')")
                            .hasMessageContaining("cannot be reached");
                });
    }

    @Test
    void defaultsToTheLocalRunnerAndCanBeSwitchedOff() {
        runner().run(context -> assertThat(context.getBean(ComfyGenerationBackend.class).settings())
                .isEqualTo(ComfyGenerationSettings.of("local")));
        runner().withPropertyValues("flowpack.generate.comfy.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ComfyGenerationBackend.class);
            assertThat(generate(context)).hasMessageContaining("generation backend 'comfy' is not available here");
        });
    }
}
