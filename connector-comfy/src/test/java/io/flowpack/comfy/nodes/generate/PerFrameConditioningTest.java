package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.generate.onnx.LatentSampling;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * KSampler with a CONDITIONING batch: latent i is conditioned on encoding i (a batch of one is used for all; other
 * sizes are refused), and ConditioningAverage broadcasts a batch of one against a longer batch.
 */
class PerFrameConditioningTest {
    @TempDir
    Path temp;
    private Checkpoint model;

    @BeforeEach
    void load() throws Exception {
        TinyDiffusersModels.write(temp.resolve("models/tiny"));
        model = new Checkpoints(ModelRegistry.of(getClass().getClassLoader(), temp.resolve("models")), 1).load("tiny");
    }

    private TextConditioning conditioning(String... prompts) {
        float[][] encodings = Arrays.stream(prompts).map(p -> LatentSampling.encodeText(model.pipeline(), p))
                .toArray(float[][]::new);
        int size = encodings[0].length;
        float[] all = new float[prompts.length * size];
        for (int i = 0; i < prompts.length; i++) {
            System.arraycopy(encodings[i], 0, all, i * size, size);
        }
        return new TextConditioning("tiny", all, prompts.length);
    }

    private float[][] sample(TextConditioning positive, TextConditioning negative, int batch) throws NodeException {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("model", model);
        inputs.put("seed", 7);
        inputs.put("steps", 3);
        inputs.put("cfg", 4.0);
        inputs.put("sampler_name", "euler");
        inputs.put("scheduler", "normal");
        inputs.put("positive", positive);
        inputs.put("negative", negative);
        inputs.put("latent_image", new Latent(batch, 2, 3, new float[batch * 4 * 6]));
        inputs.put("denoise", 1.0);
        Latent out = (Latent) new KSamplerNode().execute(inputs, new FolderContext(temp)).values().get(0);
        float[][] items = new float[batch][];
        for (int i = 0; i < batch; i++) {
            items[i] = out.item(i);
        }
        return items;
    }

    @Test
    void eachLatentUsesItsOwnEncodingAndABatchOfOneIsShared() throws NodeException {
        TextConditioning negative = conditioning("");
        float[][] differing = sample(conditioning("apples", "pears"), negative, 2);
        float[][] apples = sample(conditioning("apples", "apples"), negative, 2);
        float[][] pears = sample(conditioning("pears", "pears"), negative, 2);
        float[][] shared = sample(conditioning("apples"), negative, 2);
        // the tiny UNet works item by item, so item i depends on encoding i only
        assertThat(differing[0]).containsExactly(apples[0]);
        assertThat(differing[1]).containsExactly(pears[1]);
        assertThat(differing[1]).isNotEqualTo(apples[1]);
        assertThat(shared[0]).containsExactly(apples[0]);
        assertThat(shared[1]).containsExactly(apples[1]);
        float[][] perItemNegative = sample(conditioning("apples"), conditioning("", "pears"), 2);
        assertThat(perItemNegative[0]).containsExactly(apples[0]);
        assertThat(perItemNegative[1]).isNotEqualTo(apples[1]);
    }

    @Test
    void aConditioningBatchOfAnotherSizeIsAValueError() {
        assertThatThrownBy(() -> sample(conditioning("apples", "pears", "apples"), conditioning(""), 2))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("KSampler: the positive conditioning holds 3 encodings but the latent batch has 2")
                .extracting(e -> ((NodeException) e).exceptionType()).isEqualTo("ValueError");
    }

    @Test
    void conditioningAverageBroadcastsABatchOfOne() throws NodeException {
        TextConditioning frames = conditioning("apples", "pears");
        TextConditioning one = conditioning("tart");
        TextConditioning out = (TextConditioning) new ConditioningAverageNode().execute(Map.of("conditioning_to",
                frames, "conditioning_from", one, "conditioning_to_strength", 0.5), new FolderContext(temp))
                .values().get(0);
        assertThat(out.count()).isEqualTo(2);
        int size = out.itemSize();
        assertThat(Arrays.copyOfRange(out.hidden(), size, 2 * size)).containsExactly(ConditioningAverageNode.average(
                LatentSampling.encodeText(model.pipeline(), "pears"), one.hidden(), 0.5));
        assertThatThrownBy(() -> new ConditioningAverageNode().execute(Map.of("conditioning_to", frames,
                "conditioning_from", conditioning("a", "b", "e"), "conditioning_to_strength", 0.5),
                new FolderContext(temp))).hasMessageContaining("batches must be equal or one of them 1");
    }
}
