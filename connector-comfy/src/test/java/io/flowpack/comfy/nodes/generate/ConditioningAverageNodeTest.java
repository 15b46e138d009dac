package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.nodes.FolderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ComfyUI's ConditioningAverage: {@code to·s + from·(1 − s)}, in float32 as torch computes it. */
class ConditioningAverageNodeTest {
    @TempDir
    Path temp;

    @Test
    void weightsToAndFromByTheStrength() throws NodeException {
        TextConditioning to = new TextConditioning("tiny", new float[] {1f, 2f, -4f, 0.1f});
        TextConditioning from = new TextConditioning("tiny", new float[] {3f, 2f, 4f, 0.3f});
        TextConditioning out = (TextConditioning) new ConditioningAverageNode().execute(Map.of("conditioning_to", to,
                "conditioning_from", from, "conditioning_to_strength", 0.25), new FolderContext(temp)).values().get(0);
        assertThat(out.checkpoint()).isEqualTo("tiny");
        // 1·0.25 + 3·0.75 = 2.5; 2; −4·0.25 + 4·0.75 = 2; 0.1f·0.25f + 0.3f·0.75f in float
        assertThat(out.hidden()).containsExactly(2.5f, 2f, 2f, 0.1f * 0.25f + 0.3f * 0.75f);
        assertThat(to.hidden()).containsExactly(1f, 2f, -4f, 0.1f);

        TextConditioning all = (TextConditioning) new ConditioningAverageNode().execute(Map.of("conditioning_to", to,
                "conditioning_from", from, "conditioning_to_strength", 1.0), new FolderContext(temp)).values().get(0);
        assertThat(all.hidden()).containsExactly(to.hidden());
    }

    @Test
    void conditioningsOfDifferentEncodersAreRefused() {
        TextConditioning to = new TextConditioning("a", new float[4]);
        TextConditioning from = new TextConditioning("b", new float[8]);
        assertThatThrownBy(() -> new ConditioningAverageNode().execute(Map.of("conditioning_to", to,
                "conditioning_from", from, "conditioning_to_strength", 0.5), new FolderContext(temp)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("ConditioningAverage: conditioning_to and conditioning_from come from different"
                        + " text encoders (a, b)");
    }
}
