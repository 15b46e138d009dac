package io.flowpack.deploy.comfy;

import io.flowpack.deploy.FlowpackApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The ComfyUI node pack ({@code connector-comfy/comfyui-nodes}) against the real server: its Python unittest suite
 * runs with Debian's system Python, sends images and masks through the shipped {@code routes/comfy-inbox.yaml}
 * job templates and loads the results back.
 */
@SpringBootTest(classes = FlowpackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ComfyNodePackTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path PACK = Path.of("..", "connector-comfy", "comfyui-nodes");
    private static final Path ROUTES = Path.of("routes", "comfy-inbox.yaml");
    private static final long TIMEOUT_MINUTES = 5;

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(ROUTES, routes.resolve(ROUTES.getFileName()));
        registry.add("flowpack.routes-dir", routes::toString);
        registry.add("flowpack.data-dir", () -> dir.resolve("data").toString());
        registry.add("flowpack.routes-reload", () -> "false");
    }

    @Test
    void thePacksPythonTestsPassAgainstTheServer() throws Exception {
        Run check = python(List.of("-c", "import numpy, PIL"), Map.of());
        if (check.exitCode() != 0) {
            fail("Debian's " + PYTHON + " cannot import numpy and PIL, which the node pack tests need; install them "
                    + "with `apt-get install -y python3-numpy python3-pil` (.ci/run does):\n" + check.output());
        }

        Run tests = python(List.of("-m", "unittest", "discover", "-v"),
                Map.of("FLOWPACK_URL", "http://127.0.0.1:" + port));

        assertThat(tests.exitCode()).as("python3 -m unittest discover in %s:%n%s", PACK, tests.output()).isZero();
        assertThat(tests.output()).as(tests.output()).containsPattern("Ran \\d+ tests").doesNotContain("skipped");
        assertThat(tests.output())
                .containsPattern("test_anonymize_fills_the_comfyui_mask_from_its_surroundings .*\\.\\.\\. ok");
    }

    private static Run python(List<String> arguments, Map<String, String> environment) throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing: the node pack tests run with Debian's system Python "
                    + "(apt-get install -y python3 python3-numpy python3-pil)");
        }
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString());
        builder.command().addAll(arguments);
        builder.directory(PACK.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("FLOWPACK_URL", "FLOWPACK_TOKEN", "PYTHONPATH", "PYTHONHOME"));
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "python-output");
        reader.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            reader.join(5_000);
            fail("python3 " + arguments + " did not end within " + TIMEOUT_MINUTES + " minutes:\n" + text(output));
        }
        reader.join(5_000);
        return new Run(process.exitValue(), text(output));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    private record Run(int exitCode, String output) {
    }
}
