package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.graph.ExecutionListener;
import io.flowpack.comfy.graph.ExecutionOutcome;
import io.flowpack.comfy.graph.GraphExecutor;
import io.flowpack.comfy.graph.Interrupt;
import io.flowpack.comfy.graph.NodeEnvironment;
import io.flowpack.comfy.graph.PromptValidator;
import io.flowpack.comfy.graph.ValidationResult;
import io.flowpack.imaging.ImageLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator and executor without the server: long chains, unreachable nodes, cache retention. */
class GraphEngineTest {

    @TempDir
    Path dir;

    private final TestNodes nodes = new TestNodes();

    private NodeEnvironment environment() {
        return new NodeEnvironment(dir, dir, dir, ImageLimits.DEFAULT);
    }

    /** Records node starts. */
    private static final class Recorder implements ExecutionListener {
        final List<String> started = new ArrayList<>();
        final List<String> cached = new ArrayList<>();

        @Override
        public void executionStarted() {
        }

        @Override
        public void executionCached(List<String> nodeIds) {
            cached.addAll(nodeIds);
        }

        @Override
        public void nodeStarted(String nodeId) {
            started.add(nodeId);
        }

        @Override
        public void nodeProgress(String nodeId, long value, long max) {
        }

        @Override
        public void nodePreview(String nodeId, BufferedImage image) {
        }

        @Override
        public void nodeExecuted(String nodeId, Map<String, Object> ui) {
        }

        @Override
        public void nodeFinished(String nodeId) {
        }
    }

    @Test
    void aChainOfNearlyTwentyThousandNodesValidatesAndRunsWithoutRecursion() {
        ObjectNode prompt = RunnerClient.JSON.createObjectNode();
        prompt.set("0", RunnerTestBase.json("{\"class_type\": \"TestConstantImage\", \"inputs\": {\"width\": 2, \"height\": 2, \"value\": 0.5}}"));
        int length = 19_990;
        for (int i = 1; i <= length; i++) {
            prompt.set(String.valueOf(i), RunnerTestBase.json("{\"class_type\": \"TestPick\", \"inputs\": {\"image\": [\""
                    + (i - 1) + "\", 0], \"mode\": \"keep\"}}"));
        }
        prompt.set("out", RunnerTestBase.json("{\"class_type\": \"TestSave\", \"inputs\": {\"images\": [\"" + length
                + "\", 0], \"filename_prefix\": \"chain\"}}"));
        ValidationResult result = new PromptValidator(nodes.registry(), environment()).validate("p", prompt, null);
        assertThat(result.accepted()).isTrue();
        assertThat(result.nodes()).hasSize(length + 2);
        Recorder recorder = new Recorder();
        ExecutionOutcome outcome = new GraphExecutor(environment()).execute("p", result, prompt, Map.of(), recorder,
                new Interrupt());
        assertThat(outcome.status()).isEqualTo(ExecutionOutcome.Status.SUCCESS);
        assertThat(recorder.started).hasSize(length + 2);
        assertThat(recorder.started.get(0)).isEqualTo("0");
        assertThat(recorder.started.get(length + 1)).isEqualTo("out");
    }

    @Test
    void oversizedPromptIsRefusedBeforeAnyWork() {
        ObjectNode prompt = RunnerClient.JSON.createObjectNode();
        for (int i = 0; i <= PromptValidator.MAX_NODES; i++) {
            prompt.putObject(String.valueOf(i)).put("class_type", "TestCustom").putObject("inputs").put("name", "x");
        }
        ValidationResult result = new PromptValidator(nodes.registry(), environment()).validate("p", prompt, null);
        assertThat(result.error().type()).isEqualTo("invalid_prompt");
        assertThat(result.error().message()).isEqualTo("Cannot execute a prompt of more than 20000 nodes.");
    }

    @Test
    void unreachableNodesNeitherValidateNorRunAndTheCacheKeepsOnlyTheLastPrompt() {
        JsonNode first = RunnerTestBase.json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 4, "height": 4, "value": 0.1}},
                 "2": {"class_type": "TestSave", "inputs": {"images": ["1", 0], "filename_prefix": "a"}},
                 "9": {"class_type": "TestPick", "inputs": {"mode": "not-an-option"}}}""");
        PromptValidator validator = new PromptValidator(nodes.registry(), environment());
        GraphExecutor executor = new GraphExecutor(environment());
        ValidationResult valid = validator.validate("a", first, null);
        assertThat(valid.accepted()).isTrue();
        assertThat(valid.nodeErrors()).isEmpty();
        Recorder run = new Recorder();
        executor.execute("a", valid, first, Map.of(), run, new Interrupt());
        assertThat(run.started).containsExactly("1", "2");
        assertThat(executor.cachedResults()).isEqualTo(2);

        JsonNode other = RunnerTestBase.json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 4, "height": 4, "value": 0.9}},
                 "2": {"class_type": "TestSave", "inputs": {"images": ["1", 0], "filename_prefix": "a"}}}""");
        executor.execute("b", validator.validate("b", other, null), other, Map.of(), new Recorder(), new Interrupt());
        Recorder again = new Recorder();
        executor.execute("c", validator.validate("c", first, null), first, Map.of(), again, new Interrupt());
        assertThat(again.cached).isEmpty();
        assertThat(again.started).containsExactly("1", "2");
        assertThat(executor.cachedResults()).isEqualTo(2);
    }

    @Test
    void partialExecutionTargetsRestrictTheOutputs() {
        JsonNode prompt = RunnerTestBase.json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 4, "height": 4, "value": 0.1}},
                 "2": {"class_type": "TestSave", "inputs": {"images": ["1", 0], "filename_prefix": "a"}},
                 "3": {"class_type": "TestCustom", "inputs": {"name": "x"}}}""");
        ValidationResult result = new PromptValidator(nodes.registry(), environment()).validate("p", prompt, List.of("3"));
        assertThat(result.outputs()).containsExactly("3");
        assertThat(result.nodes().keySet()).containsExactly("3");
        assertThat(new PromptValidator(nodes.registry(), environment()).validate("p", prompt, List.of("1")).error().type())
                .isEqualTo("prompt_no_outputs");
    }
}
