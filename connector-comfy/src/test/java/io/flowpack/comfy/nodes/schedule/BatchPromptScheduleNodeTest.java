package io.flowpack.comfy.nodes.schedule;

import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInfo;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.comfy.nodes.generate.Checkpoint;
import io.flowpack.comfy.nodes.generate.Checkpoints;
import io.flowpack.comfy.nodes.generate.TextConditioning;
import io.flowpack.generate.onnx.LatentSampling;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FizzNodes' BatchPromptSchedule on a tiny generated checkpoint: per-frame blends, frame ranges, errors. */
class BatchPromptScheduleNodeTest {
    /** The reference's three keyframes (§9.3), in words the tiny tokenizer knows. */
    static final String KEYFRAMES = "\"0\" :\"apples on a table\",\n\"24\" :\"pears on a table\",\n"
            + "\"47\" :\"apple tarts\"";

    @TempDir
    Path temp;
    private Checkpoint clip;
    private final BatchPromptScheduleNode node = new BatchPromptScheduleNode();

    @BeforeEach
    void load() throws Exception {
        TinyDiffusersModels.write(temp.resolve("models/tiny"));
        clip = new Checkpoints(ModelRegistry.of(getClass().getClassLoader(), temp.resolve("models")), 1).load("tiny");
    }

    private Map<String, Object> inputs(String text, int maxFrames) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("text", text);
        inputs.put("clip", clip);
        inputs.put("max_frames", maxFrames);
        inputs.put("print_output", true);
        inputs.put("start_frame", 0);
        inputs.put("end_frame", 0);
        return inputs;
    }

    private List<Object> run(Map<String, Object> inputs) throws NodeException {
        return node.execute(inputs, new FolderContext(temp)).values();
    }

    private float[] encode(String prompt) {
        return LatentSampling.encodeText(clip.pipeline(), prompt);
    }

    private static float[] frame(TextConditioning batch, int index) {
        int size = batch.itemSize();
        return Arrays.copyOfRange(batch.hidden(), index * size, (index + 1) * size);
    }

    private static float[] blend(float[] current, float[] next, double weight) {
        float[] out = new float[current.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = current[i] * (float) weight + next[i] * (float) (1.0 - weight);
        }
        return out;
    }

    @Test
    void eachFrameBlendsItsKeyframesByTheHandComputedWeight() throws NodeException {
        Map<String, Object> in = inputs(KEYFRAMES, 48);
        in.put("pre_text", "tasty");
        in.put("app_text", "--neg blotted");
        List<Object> out = run(in);
        TextConditioning pos = (TextConditioning) out.get(0);
        TextConditioning neg = (TextConditioning) out.get(1);
        assertThat(pos.count()).isEqualTo(48);
        assertThat(neg.count()).isEqualTo(48);
        assertThat(pos.itemSize()).isEqualTo(77 * TinyDiffusersModels.HIDDEN);

        float[] apples = encode("tasty apples on a table");
        float[] pears = encode("tasty pears on a table");
        float[] tarts = encode("tasty apple tarts");
        assertThat(apples).isNotEqualTo(pears);
        assertThat(frame(pos, 0)).containsExactly(apples);
        // frame 12 lies between the keyframes 0 and 24: weight 1 − 12/24 = 0.5
        assertThat(frame(pos, 12)).containsExactly(blend(apples, pears, 0.5));
        assertThat(frame(pos, 12)).isNotEqualTo(apples).isNotEqualTo(pears);
        // frame 30 between 24 and 47: weight 1 − 6/23
        assertThat(frame(pos, 30)).containsExactly(blend(pears, tarts, 1 - 6.0 / 23));
        // frame 47 is the last keyframe; its next is the implicit copy at 48
        assertThat(frame(pos, 47)).containsExactly(tarts);
        // the negative prompt is the app text's part after --neg for every keyframe
        assertThat(frame(neg, 12)).containsExactly(encode("blotted"));
    }

    @Test
    void startAndEndFrameSelectAPartOfTheSchedule() throws NodeException {
        Map<String, Object> in = inputs(KEYFRAMES, 48);
        in.put("start_frame", 10);
        in.put("end_frame", 14);
        TextConditioning pos = (TextConditioning) run(in).get(0);
        assertThat(pos.count()).isEqualTo(4);
        assertThat(frame(pos, 2)).containsExactly(blend(encode("apples on a table"), encode("pears on a table"), 0.5));

        in.put("start_frame", 20);                           // start ≥ end: from 0, as FizzNodes
        in.put("end_frame", 5);
        assertThat(((TextConditioning) run(in).get(0)).count()).isEqualTo(5);
    }

    @Test
    void scheduleErrorsAreTheNodesErrorWithTheLibrarysMessage() {
        assertThatThrownBy(() -> run(inputs("\"0\" :\"apples\",\n\"x/0\" :\"pears\"", 48)))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("BatchPromptSchedule: schedule line 2, column");
        assertThatThrownBy(() -> run(inputs("\"0\" :\"apples\" ; \"8\": \"pears\"", 48)))
                .isInstanceOf(NodeException.class).hasMessageContaining("schedule line 1, column 15");
        Map<String, Object> beyond = inputs(KEYFRAMES, 48);
        beyond.put("end_frame", 60);
        assertThatThrownBy(() -> run(beyond)).hasMessageContaining("end_frame 60 is beyond max_frames 48");
        assertThatThrownBy(() -> run(inputs(KEYFRAMES, 5000)))
                .hasMessageContaining("5000 frames are more than the 4096 one batch may hold");
    }

    @Test
    void objectInfoIsFizzNodes() {
        Map<String, Object> info = NodeInfo.of(node.definition());
        assertThat(info.get("display_name")).isEqualTo("Batch Prompt Schedule 📅🅕🅝");
        assertThat(info.get("category")).isEqualTo("FizzNodes 📅🅕🅝/BatchScheduleNodes");
        assertThat(info.get("output")).isEqualTo(List.of("CONDITIONING", "CONDITIONING"));
        assertThat(info.get("output_name")).isEqualTo(List.of("POS", "NEG"));
        assertThat(node.definition().required().stream().map(i -> i.name()))
                .containsExactly("text", "clip", "max_frames", "print_output");
        assertThat(node.definition().optional().stream().map(i -> i.name())).containsExactly("pre_text", "app_text",
                "start_frame", "end_frame", "pw_a", "pw_b", "pw_c", "pw_d");
        assertThat(node.definition().input("pre_text").options()).containsEntry("forceInput", true);
        assertThat(node.definition().input("max_frames").options()).containsEntry("max", 999999.0);
    }
}
