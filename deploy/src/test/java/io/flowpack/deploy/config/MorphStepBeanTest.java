package io.flowpack.deploy.config;

import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.morph.MorphStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The morph step as a bean generates schedule keyframes with the same GenerationBackend beans as generate. */
class MorphStepBeanTest {
    @TempDir
    Path dir;

    @Test
    void morphGeneratesKeyframesWithBackendBeans() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowpackAutoConfiguration.class))
                .withPropertyValues("flowpack.data-dir=" + dir)
                .withBean(GenerateStepBeanTest.GreyBackend.class)
                .run(context -> {
                    MorphStep step = context.getBean(MorphStep.class);
                    assertThat(context.getBean(StepRegistry.class).require("morph")).isSameAs(step);

                    BlobStore blobs = context.getBean(BlobStore.class);
                    Part schedule = Part.base("text/plain", "grey.txt", blobs.write(out -> out.write(
                            "\"0\": \"grey\", \"7\": \"more grey\"".getBytes(StandardCharsets.UTF_8))), Map.of());
                    Document doc = Document.of("grey.txt", schedule);
                    context.getBean(StepEngine.class).run(doc, step, Map.of("backend", "comfy", "frames", 8,
                            "width", 64, "height", 64), RunOptions.DEFAULT);
                    assertThat(doc.baseParts().get(0).metadata()).containsEntry("frames", 8)
                            .containsEntry("keyframePrompts", List.of("grey", "more grey"));
                    assertThat(doc.audit().get(0).details()).containsEntry("keyframeBackend", "comfy");
                });
    }
}
