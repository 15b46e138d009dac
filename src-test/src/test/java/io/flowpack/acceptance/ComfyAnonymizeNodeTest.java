package io.flowpack.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.comfy.graph.NodeEnvironment;
import io.flowpack.comfy.graph.QuietNodeContext;
import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
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

/**
 * The anonymize step as the ComfyUI node {@code flowpack.anonymize}, with the node registry the deploy application
 * builds (every step on the class path): its mask input, and a run on a real portrait with a ComfyUI MASK.
 */
class ComfyAnonymizeNodeTest {
    private static final Path PORTRAIT = Path.of("..", "samples", "portraits", "astronaut.jpg");

    @TempDir
    Path root;
    Path input;
    Path output;
    Path temp;
    ModelSessions sessions = new ModelSessions(1);
    NodeRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(root.resolve("input"));
        output = Files.createDirectories(root.resolve("output"));
        temp = Files.createDirectories(root.resolve("temp"));
        registry = BuiltInNodes.create(StepRegistry.discover(), ModelRegistry.of(getClass().getClassLoader(), null),
                sessions, input);
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void theAnonymizeNodeTakesAnOptionalMaskBecauseItsParametersDeclareMaskMode() {
        NodeDefinition definition = registry.find("flowpack.anonymize").orElseThrow().definition();

        assertThat(definition.displayName()).isEqualTo("Anonymize (flowpack)");
        assertThat(definition.optional()).containsExactly(InputSpec.link("mask", "MASK"));
        assertThat(definition.input("maskMode").choices()).containsExactly("replace", "extend");
        assertThat(definition.input("minScore").type()).isEqualTo("FLOAT");
        assertThat(definition.outputs()).extracting(o -> o.type()).containsExactly("IMAGE");
    }

    @Test
    void aMaskedSquareIsFilledTheRestKeptAndTheAuditShownAsText() throws Exception {
        Files.copy(PORTRAIT, input.resolve("astronaut.jpg"));
        ImageBatch picture = (ImageBatch) run("LoadImage", Map.of("image", "astronaut.jpg")).values().get(0);
        float[] square = new float[picture.width() * picture.height()];
        for (int y = 40; y < 100; y++) {
            for (int x = 380; x < 440; x++) {
                square[y * picture.width() + x] = 1f;
            }
        }
        MaskBatch mask = new MaskBatch(picture.width(), picture.height(), List.of(square));

        NodeOutput result = run("flowpack.anonymize", Map.of("image", picture, "mask", mask, "maskMode", "replace"));

        ImageBatch anonymized = (ImageBatch) result.values().get(0);
        assertThat(anonymized.width()).isEqualTo(picture.width());
        assertThat(anonymized.height()).isEqualTo(picture.height());
        assertThat(meanDifference(picture, anonymized, 395, 55, 30)).isGreaterThan(0.01);
        assertThat(meanDifference(picture, anonymized, 100, 400, 60)).isLessThan(0.002);
        JsonNode audit = new ObjectMapper().readTree((String) ((List<?>) result.ui().get("text")).get(0));
        assertThat(audit.get("input").asText()).isEqualTo("image_00001.png");
        assertThat(audit.get("maskAreaPercent").asDouble()).isGreaterThan(1.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> review = ((List<Map<String, Object>>) result.ui().get("images")).get(0);
        assertThat(review).containsEntry("type", "temp");
        assertThat(temp.resolve((String) review.get("filename"))).isRegularFile();
    }

    private NodeOutput run(String classType, Map<String, Object> values) throws Exception {
        ComfyNode node = registry.find(classType).orElseThrow();
        Map<String, Object> inputs = new HashMap<>();
        node.definition().required().stream().filter(spec -> spec.options().containsKey("default"))
                .forEach(spec -> inputs.put(spec.name(), spec.options().get("default")));
        inputs.putAll(values);
        return node.execute(inputs, new QuietNodeContext("acceptance", "1",
                new NodeEnvironment(input, output, temp, ImageLimits.DEFAULT), null));
    }

    /** Mean absolute RGB difference over a {@code size × size} block at (x, y). */
    private static double meanDifference(ImageBatch a, ImageBatch b, int x0, int y0, int size) {
        double sum = 0;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                for (int c = 0; c < 3; c++) {
                    int i = (y * a.width() + x) * 3 + c;
                    sum += Math.abs(a.images().get(0)[i] - b.images().get(0)[i]);
                }
            }
        }
        return sum / (size * size * 3.0);
    }
}
