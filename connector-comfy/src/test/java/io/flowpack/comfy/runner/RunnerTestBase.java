package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** Starts a runner with {@link TestNodes} on a free loopback port for each test. */
abstract class RunnerTestBase {

    @TempDir
    Path dataDir;

    TestNodes nodes;
    ComfyRunner runner;
    RunnerClient client;

    @BeforeEach
    void startRunner() throws IOException {
        nodes = new TestNodes();
        runner = ComfyRunner.start(settings(RunnerSettings.under(dataDir).withPort(0)), nodes.registry());
        client = new RunnerClient(runner.port());
    }

    /** Subclasses may change the settings. */
    RunnerSettings settings(RunnerSettings defaults) {
        return defaults;
    }

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    static JsonNode json(String text) {
        try {
            return RunnerClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Constant image (node 1) → save (node 2). */
    static JsonNode simplePrompt(double value) {
        return json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 6, "value": %s}},
                 "2": {"class_type": "TestSave", "inputs": {"images": ["1", 0], "filename_prefix": "t"}}}
                """.formatted(value));
    }
}
