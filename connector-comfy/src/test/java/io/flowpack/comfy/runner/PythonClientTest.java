package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A Python client (Debian's python3-websocket and urllib, as ComfyUI's script examples use) against the runner. */
class PythonClientTest extends RunnerTestBase {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static boolean pythonWithWebsocket() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import websocket").redirectErrorStream(true).start();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    @Test
    void pythonWebsocketClientRunsAWorkflow() throws Exception {
        assumeTrue(pythonWithWebsocket(), "needs Debian's python3 with python3-websocket (apt-get install python3-websocket)");
        Path script = dataDir.resolve("python_client.py");
        try (InputStream in = getClass().getResourceAsStream("/runner/python_client.py")) {
            Files.copy(in, script);
        }
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), "127.0.0.1:" + runner.port())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().write(WebSocketEventsTest.slowPrompt(2).toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode result = json(output);
        assertThat(result.path("status").asText()).isEqualTo("success");
        assertThat(result.path("outputs").path("3").path("images").path(0).path("filename").asText()).isEqualTo("slow_1_0.png");
        assertThat(result.path("frames").asInt()).as("the preview frame").isEqualTo(1);
    }
}
