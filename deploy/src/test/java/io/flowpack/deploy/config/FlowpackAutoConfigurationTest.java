package io.flowpack.deploy.config;

import io.flowpack.camel.FlowComponent;
import io.flowpack.document.BlobStore;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.testsupport.UpperCaseStep;
import io.flowpack.upscale.UpscaleStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowpackAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowpackAutoConfiguration.class))
                .withPropertyValues("flowpack.data-dir=" + dir);
    }

    @Test
    void defaultsComeFromTheProperties() {
        runner().withPropertyValues("flowpack.max-pixels=1234", "flowpack.max-input-size=2MB").run(context -> {
            assertThat(context.getBean(StepRegistry.class).names()).contains("convert", "pdf-assemble", "pdf-render", "upscale");
            assertThat(context.getBean(BlobStore.class)).isInstanceOf(FileBlobStore.class);
            assertThat(((FileBlobStore) context.getBean(BlobStore.class)).root()).isEqualTo(dir.resolve("blobs").toAbsolutePath());
            assertThat(context.getBean(ImageLimits.class)).isEqualTo(new ImageLimits(1234, 2 * 1024 * 1024));
            assertThat(context.getBean(FlowComponent.class).imageLimits()).isEqualTo(new ImageLimits(1234, 2 * 1024 * 1024));
            assertThat(context.getBean(StepRegistry.class).require("upscale")).isSameAs(context.getBean(UpscaleStep.class));
        });
    }

    @Test
    void modelsComeFromTheModelsFolderAndPathsStayInside() {
        runner().withPropertyValues("flowpack.models-dir=" + dir.resolve("models"), "flowpack.model-threads=1").run(context -> {
            ModelRegistry models = context.getBean(ModelRegistry.class);
            assertThat(models.folder()).contains(dir.resolve("models").toAbsolutePath());
            assertThat(models.names()).contains("esrgan-slim-x2", "nanodet", "selfie");
            assertThatThrownBy(() -> models.resolve("/etc/model.onnx")).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("outside the models folder");
            assertThat(context.getBean(ModelSessions.class).intraOpThreads()).isEqualTo(1);
        });
    }

    @Test
    void userBeansReplaceOrJoinTheDefaults() {
        FileBlobStore own = new FileBlobStore(dir.resolve("own"));
        runner().withBean(BlobStore.class, () -> own).withBean(UpperCaseStep.class).run(context -> {
            assertThat(context.getBean(BlobStore.class)).isSameAs(own);
            assertThat(context.getBean(StepRegistry.class).find("upper")).isPresent();
            assertThat(context.getBean(StepRegistry.class).find("convert")).isPresent();
        });
    }
}
