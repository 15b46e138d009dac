package io.flowpack.deploy.config;

import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.generate.GenerateStep;
import io.flowpack.generate.GenerationBackend;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.GenerationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generate step as a bean: the onnx backend built in, further backends (comfy) as GenerationBackend beans. */
class GenerateStepBeanTest {
    @TempDir
    Path dir;

    /** A second backend as another module would provide it; it paints a grey image and counts steps. */
    static final class GreyBackend implements GenerationBackend {
        @Override
        public String name() {
            return "comfy";
        }

        @Override
        public GenerationResult generate(GenerationRequest request, GenerationListener listener) {
            listener.step(1, 1);
            BufferedImage image = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_RGB);
            return new GenerationResult(List.of(image), "grey", "0".repeat(64), Map.of("scheduler", "none"));
        }
    }

    @Test
    void generateStepUsesBackendBeans() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowpackAutoConfiguration.class))
                .withPropertyValues("flowpack.data-dir=" + dir)
                .withBean(GreyBackend.class)
                .run(context -> {
                    GenerateStep step = context.getBean(GenerateStep.class);
                    assertThat(context.getBean(StepRegistry.class).require("generate")).isSameAs(step);

                    BlobStore blobs = context.getBean(BlobStore.class);
                    Part prompt = Part.base("text/plain", "p.txt",
                            blobs.write(out -> out.write("a grey square".getBytes(StandardCharsets.UTF_8))), Map.of());
                    Document doc = Document.of("p.txt", prompt);
                    context.getBean(StepEngine.class).run(doc, step, Map.of("backend", "comfy", "width", 64,
                            "height", 64), RunOptions.DEFAULT);
                    assertThat(doc.baseParts().get(0).metadata()).containsEntry("backend", "comfy")
                            .containsEntry("model", "grey").containsEntry("prompt", "a grey square");
                });
    }
}
