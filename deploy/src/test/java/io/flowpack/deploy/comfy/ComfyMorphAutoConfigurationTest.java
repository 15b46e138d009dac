package io.flowpack.deploy.comfy;

import io.flowpack.comfy.generate.ComfyAnimationBackend;
import io.flowpack.deploy.config.FlowpackAutoConfiguration;
import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.morph.MorphStep;
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

/** The morph step's comfy method as a bean, configured under flowpack.morph.comfy. */
class ComfyMorphAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowpackAutoConfiguration.class,
                        ComfyClientAutoConfiguration.class, ComfyMorphAutoConfiguration.class))
                .withPropertyValues("flowpack.data-dir=" + dir,
                        "flowpack.comfy.templates-dir=" + Path.of("comfy-templates").toAbsolutePath());
    }

    private static Throwable morph(ApplicationContext context) throws Exception {
        BlobStore blobs = context.getBean(BlobStore.class);
        Part schedule = Part.base("text/plain", "fruit.txt", blobs.write(out -> out.write(
                "\"0\": \"apples\", \"8\": \"pears\"".getBytes(StandardCharsets.UTF_8))), Map.of());
        try {
            context.getBean(StepEngine.class).run(Document.of("fruit.txt", schedule),
                    context.getBean(MorphStep.class), Map.of("method", "comfy", "frames", 16, "width", 64,
                            "height", 64), RunOptions.DEFAULT);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void theMorphStepRunsTheComfyMethodOnTheConfiguredServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner().withPropertyValues("flowpack.comfy.servers.studio.url=http://127.0.0.1:" + closedPort,
                "flowpack.morph.comfy.server=studio")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ComfyAnimationBackend.class).server()).isEqualTo("studio");
                    assertThat(morph(context)).hasMessageContaining("comfy animation: server 'studio'")
                            .hasMessageContaining("cannot be reached");
                });
    }

    @Test
    void anotherTemplateIsReadFromTheTemplateFolder() {
        runner().withPropertyValues("flowpack.morph.comfy.template=animatediff").run(context -> {
            assertThat(context.getBean(ComfyAnimationBackend.class).template()).isEqualTo("animatediff");
            assertThat(morph(context)).hasMessageContaining("no workflow template 'animatediff'")
                    .hasMessageContaining("templates in");
        });
    }

    @Test
    void defaultsToTheLocalRunnerAndTheMorphTemplateAndCanBeSwitchedOff() {
        runner().run(context -> {
            assertThat(context.getBean(ComfyAnimationBackend.class).server()).isEqualTo("local");
            assertThat(context.getBean(ComfyAnimationBackend.class).template()).isEqualTo("morph");
        });
        runner().withPropertyValues("flowpack.morph.comfy.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ComfyAnimationBackend.class);
            assertThat(morph(context)).hasMessageContaining("method comfy is not available here");
        });
    }
}
