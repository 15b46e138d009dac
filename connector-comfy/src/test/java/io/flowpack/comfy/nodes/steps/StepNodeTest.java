package io.flowpack.comfy.nodes.steps;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInterruptedException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.comfy.nodes.TestImages;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.upscale.UpscaleStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StepNodeTest {
    @TempDir
    Path root;
    FolderContext context;
    ImageBatch pair;

    @BeforeEach
    void setUp() {
        context = new FolderContext(root);
        pair = ImageBatches.of(List.of(TestImages.gradient(30, 20), TestImages.draw(30, 20, false, (x, y) -> 0x404040)));
    }

    @Test
    void theUpscaleNodesWidgetsComeFromTheStepsParameterRecord() {
        NodeDefinition definition = new StepNode(new UpscaleStep(), context.inputDirectory()).definition();

        assertThat(definition.classType()).isEqualTo("flowpack.upscale");
        assertThat(definition.displayName()).isEqualTo("Upscale (flowpack)");
        assertThat(definition.category()).isEqualTo("flowpack");
        assertThat(definition.pythonModule()).isEqualTo("custom_nodes.flowpack");
        assertThat(definition.outputNode()).isFalse();
        assertThat(definition.outputs()).extracting(o -> o.type()).containsExactly("IMAGE");
        assertThat(definition.optional()).isEmpty();
        assertThat(definition.required()).extracting(InputSpec::name).containsExactly("image", "factor", "longEdge",
                "method", "model", "tileSize", "tileOverlap", "format", "quality");
        assertThat(definition.input("image").type()).isEqualTo("IMAGE");
        assertThat(definition.input("factor")).isEqualTo(new InputSpec("factor", "FLOAT", Map.of("default", 2.0,
                "min", 1.0, "max", 8.0, "step", 0.01, "tooltip", "Scale factor, used when longEdge is 0"), List.of()));
        assertThat(definition.input("longEdge")).isEqualTo(new InputSpec("longEdge", "INT", Map.of("default", 0,
                "min", 0L, "max", 32768L, "step", 1,
                "tooltip", "Target long edge in pixels, e.g. 3840 for 4K; 0 uses factor"), List.of()));
        assertThat(definition.input("method").type()).isEqualTo("COMBO");
        assertThat(definition.input("method").choices()).containsExactly("onnx", "lanczos");
        assertThat(definition.input("method").options()).containsEntry("default", "onnx");
        assertThat(definition.input("model").type()).isEqualTo("STRING");
        assertThat(definition.input("model").options()).containsEntry("default", "esrgan-slim")
                .containsEntry("multiline", false);
        assertThat(definition.input("format").choices()).containsExactly("same", "png", "jpeg", "tiff");
        assertThat(definition.input("quality").options()).containsEntry("default", 0.92);
    }

    @Test
    void everyParameterKindMapsToItsWidget() {
        NodeDefinition definition = new StepNode(new GainStep(), context.inputDirectory()).definition();

        assertThat(definition.required()).extracting(InputSpec::name).containsExactly("image", "gain", "offset",
                "operation", "padFirst", "seed", "report", "style", "note", "maskMode");
        assertThat(definition.optional()).containsExactly(InputSpec.link("mask", "MASK"));
        assertThat(definition.input("gain").options()).containsEntry("default", 1.5).containsEntry("min", 0.0)
                .containsEntry("max", 4.0);
        assertThat(definition.input("offset").options()).containsEntry("min", -1.0);
        assertThat(definition.input("operation").choices()).containsExactly("multiply", "add-constant");
        assertThat(definition.input("seed")).isEqualTo(new InputSpec("seed", "INT", Map.of("default", 7L, "min", 0L,
                "max", 9999999999L, "step", 1, "tooltip", "A seed"), List.of()));
        assertThat(definition.input("report")).isEqualTo(new InputSpec("report", "BOOLEAN",
                Map.of("default", true, "tooltip", "Whether to write the report"), List.of()));
        assertThat(definition.input("style").choices()).containsExactly("short", "long");
        assertThat(definition.input("note")).isEqualTo(new InputSpec("note", "STRING",
                Map.of("default", "", "multiline", false, "tooltip", "Free text for the report"), List.of()));
    }

    @Test
    void lanczosUpscaleRunsOnTheWholeBatchThroughTheStepEngine() throws Exception {
        NodeOutput output = new StepNode(new UpscaleStep(), context.inputDirectory())
                .execute(widgets(new UpscaleStep(), Map.of("image", pair, "method", "lanczos", "factor", 2.0)),
                        context);

        ImageBatch result = (ImageBatch) output.values().get(0);
        assertThat(result.size()).isEqualTo(2);
        assertThat(result.width()).isEqualTo(60);
        assertThat(result.height()).isEqualTo(40);
        assertThat(result.images().get(1)[(20 * 60 + 30) * 3]).isCloseTo(0x40 / 255f, within(1.5f / 255));
        assertThat(context.progress()).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(100));
        assertThat(context.progress()).last().satisfies(p -> assertThat(p[0]).isEqualTo(100));
        assertThat(output.ui()).isEmpty();
    }

    @Test
    void onnxUpscaleWithTheBundledModel() throws Exception {
        ImageBatch small = ImageBatches.of(TestImages.gradient(24, 16));
        ImageBatch result = (ImageBatch) new StepNode(new UpscaleStep(), context.inputDirectory())
                .execute(widgets(new UpscaleStep(), Map.of("image", small, "factor", 3.0)), context).values().get(0);

        assertThat(result.width()).isEqualTo(72);
        assertThat(result.height()).isEqualTo(48);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMaskTravelsAsTheReviewMaskOfEachPictureAndReportsBecomeUiText() throws Exception {
        float[] leftHalf = new float[30 * 20];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 15; x++) {
                leftHalf[y * 30 + x] = 1f;
            }
        }
        MaskBatch mask = new MaskBatch(30, 20, List.of(leftHalf));

        NodeOutput output = new StepNode(new GainStep(), context.inputDirectory()).execute(widgets(new GainStep(),
                Map.of("image", pair, "mask", mask, "gain", 2.0, "note", "checked")), context);

        ImageBatch result = (ImageBatch) output.values().get(0);
        float[] grey = result.images().get(1);
        assertThat(grey[(10 * 30 + 5) * 3]).isCloseTo(0x80 / 255f, within(1e-6f));
        assertThat(grey[(10 * 30 + 25) * 3]).isCloseTo(0x40 / 255f, within(1e-6f));
        assertThat(output.ui()).containsOnlyKeys("text");
        assertThat((List<Object>) output.ui().get("text")).containsExactly(
                "{\"picture\":\"image_00001.png\",\"masked\":true,\"note\":\"checked\"}",
                "{\"picture\":\"image_00002.png\",\"masked\":true,\"note\":\"checked\"}");
    }

    @Test
    void aMaskOfAnotherSizeIsStretchedToThePictures() throws Exception {
        float[] leftHalf = new float[6 * 4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 3; x++) {
                leftHalf[y * 6 + x] = 1f;
            }
        }
        MaskBatch small = new MaskBatch(6, 4, List.of(leftHalf));

        ImageBatch result = (ImageBatch) new StepNode(new GainStep(), context.inputDirectory()).execute(
                widgets(new GainStep(), Map.of("image", pair, "mask", small, "gain", 2.0)), context).values().get(0);

        float[] grey = result.images().get(1);
        assertThat(grey[(10 * 30 + 3) * 3]).isCloseTo(0x80 / 255f, within(1e-6f));
        assertThat(grey[(10 * 30 + 27) * 3]).isCloseTo(0x40 / 255f, within(1e-6f));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEmptyTextWidgetLeavesAParameterWithoutDefaultUnset() throws Exception {
        NodeOutput output = new StepNode(new GainStep(), context.inputDirectory())
                .execute(widgets(new GainStep(), Map.of("image", ImageBatches.of(TestImages.gradient(4, 4)))), context);

        assertThat((List<Object>) output.ui().get("text")).containsExactly(
                "{\"picture\":\"image_00001.png\",\"masked\":false,\"note\":\"none\"}");
    }

    @Test
    void resultsOfDifferentSizesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new StepNode(new GainStep(), context.inputDirectory())
                .execute(widgets(new GainStep(), Map.of("image", pair, "padFirst", 3)), context))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("step 'gain' produced images of different sizes")
                .hasMessageContaining("30x20 but the first is 33x20");
    }

    @Test
    void parameterErrorsNameTheParameter() {
        assertThatThrownBy(() -> new StepNode(new UpscaleStep(), context.inputDirectory())
                .execute(widgets(new UpscaleStep(), Map.of("image", pair, "factor", 9.0)), context))
                .isInstanceOf(NodeException.class)
                .hasMessage("flowpack.upscale: parameter 'factor' of step 'upscale' must be between 1 and 8, got 9.0")
                .satisfies(e -> assertThat(((NodeException) e).exceptionType()).isEqualTo("ValueError"));
    }

    @Test
    void anInterruptCancelsTheStep() {
        context.interrupt();

        assertThatThrownBy(() -> new StepNode(new GainStep(), context.inputDirectory())
                .execute(widgets(new GainStep(), Map.of("image", pair)), context))
                .isInstanceOf(NodeInterruptedException.class);
    }

    @Test
    void displayNamesTitleCaseTheStepName() {
        assertThat(StepNode.displayName("pdf-render")).isEqualTo("Pdf Render (flowpack)");
        assertThat(StepNode.displayName("anonymize")).isEqualTo("Anonymize (flowpack)");
    }

    /** Every widget at its declared default, as the frontend sends them, overridden by {@code values}. */
    static Map<String, Object> widgets(io.flowpack.step.Step step, Map<String, Object> values) {
        Map<String, Object> inputs = new HashMap<>();
        for (InputSpec spec : new StepNode(step, Path.of(".")).definition().required()) {
            if (spec.options().containsKey("default")) {
                inputs.put(spec.name(), spec.options().get("default"));
            }
        }
        inputs.putAll(values);
        return inputs;
    }
}
