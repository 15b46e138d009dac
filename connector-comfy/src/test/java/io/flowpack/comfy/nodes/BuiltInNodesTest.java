package io.flowpack.comfy.nodes;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.engine.StepRegistry;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry the runner serves, with the steps found on the class path, and step nodes chained on real files. */
class BuiltInNodesTest {
    @TempDir
    Path root;
    FolderContext context;
    ModelSessions sessions = new ModelSessions(1);
    NodeRegistry registry;

    @BeforeEach
    void setUp() {
        context = new FolderContext(root);
        registry = BuiltInNodes.create(StepRegistry.discover(), ModelRegistry.of(getClass().getClassLoader(), null),
                sessions, context.inputDirectory());
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void holdsComfyUisImageNodesAndEveryStepOnTheClassPath() {
        List<String> names = registry.all().stream().map(n -> n.definition().classType()).toList();

        assertThat(names).containsSubsequence("LoadImage", "LoadImageMask", "SaveImage", "PreviewImage",
                "ImageScale", "ImageScaleBy", "ImageInvert", "ImageCrop", "ImageCompositeMasked",
                "UpscaleModelLoader", "ImageUpscaleWithModel");
        for (String step : StepRegistry.discover().names()) {
            assertThat(names).contains("flowpack." + step);
        }
        assertThat(names).contains("flowpack.upscale", "flowpack.convert", "flowpack.pdf-render",
                "flowpack.pdf-assemble");
        assertThat(registry.find("flowpack.pdf-assemble").orElseThrow().definition().outputNode()).isTrue();
        assertThat(registry.find("flowpack.convert").orElseThrow().definition().outputNode()).isFalse();
    }

    @Test
    void aPdfAssembledFromABatchIsSavedAndRendersBackToTheBatch() throws Exception {
        ImageBatch pages = ImageBatches.of(List.of(TestImages.gradient(150, 100),
                TestImages.draw(150, 100, false, (x, y) -> 0x2080c0)));

        NodeOutput assembled = run("flowpack.pdf-assemble", Map.of("image", pages, "compression", "lossless",
                "dpi", 150));

        assertThat(assembled.values()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> file = ((List<Map<String, Object>>) assembled.ui().get("files")).get(0);
        assertThat(file).containsEntry("subfolder", "flowpack").containsEntry("type", "output")
                .containsEntry("format", "application/pdf");
        Path pdf = context.outputDirectory().resolve("flowpack").resolve((String) file.get("filename"));
        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");

        Files.copy(pdf, context.inputDirectory().resolve("pages.pdf"));
        TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve("not-a-pdf.png"));
        ComfyNode render = registry.find("flowpack.pdf-render").orElseThrow();
        NodeDefinition definition = render.definition();
        assertThat(definition.input("document").choices()).containsExactly("pages.pdf");
        assertThat(render.validateInputs(Map.of("document", "missing.pdf"), context))
                .containsExactly("Invalid document file: missing.pdf");

        NodeOutput rendered = run("flowpack.pdf-render", Map.of("document", "pages.pdf", "dpi", 150));

        ImageBatch back = (ImageBatch) rendered.values().get(0);
        assertThat(back.size()).isEqualTo(2);
        assertThat(back.width()).isEqualTo(150);
        assertThat(back.height()).isEqualTo(100);
        float[] second = back.images().get(1);
        assertThat(second[(50 * 150 + 75) * 3 + 2]).isBetween(0xc0 / 255f - 0.02f, 0xc0 / 255f + 0.02f);
    }

    @Test
    void convertToJpegStillGivesAnImageBatch() throws Exception {
        NodeOutput output = run("flowpack.convert", Map.of("image", ImageBatches.of(TestImages.gradient(32, 16)),
                "format", "jpeg"));

        ImageBatch converted = (ImageBatch) output.values().get(0);
        assertThat(converted.width()).isEqualTo(32);
        assertThat(converted.height()).isEqualTo(16);
    }

    @Test
    void aMorphAnimationIsSavedAndShownAsAnAnimatedImage() throws Exception {
        ImageBatch keyframes = ImageBatches.of(List.of(TestImages.draw(32, 24, false, (x, y) -> 0xff0000),
                TestImages.draw(32, 24, false, (x, y) -> 0x0000ff)));

        NodeOutput output = run("flowpack.morph", Map.of("image", keyframes, "format", "gif", "frames", 4,
                "method", "crossfade"));

        assertThat(output.values()).isEmpty();
        assertThat(output.ui()).containsEntry("animated", List.of(true));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = ((List<Map<String, Object>>) output.ui().get("images")).get(0);
        assertThat(shown).containsEntry("type", "output").containsEntry("format", "image/gif");
        Path gif = context.outputDirectory().resolve("flowpack").resolve((String) shown.get("filename"));
        assertThat(Files.readString(gif, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("GIF8");
    }

    private NodeOutput run(String classType, Map<String, Object> values) throws Exception {
        ComfyNode node = registry.find(classType).orElseThrow();
        Map<String, Object> inputs = new HashMap<>();
        node.definition().required().stream().filter(spec -> spec.options().containsKey("default"))
                .forEach(spec -> inputs.put(spec.name(), spec.options().get("default")));
        inputs.putAll(values);
        return node.execute(inputs, context);
    }
}
