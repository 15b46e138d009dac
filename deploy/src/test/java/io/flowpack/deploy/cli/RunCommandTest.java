package io.flowpack.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.document.DocumentJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code flowpack run} as a user calls it: real steps, real files, exit codes and the summary. */
class RunCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    private Path fixture(String name) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        try (InputStream stream = getClass().getResourceAsStream("/fixtures/" + name)) {
            Files.copy(stream, in.resolve(name));
        }
        return in.resolve(name);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsAStepOnAFolderWithParameters() throws Exception {
        fixture("alpha.png");
        fixture("exif-orientation-6.jpg");
        Files.writeString(dir.resolve("in/README.md"), "notes are skipped in folders");
        BufferedImage source = ImageIO.read(dir.resolve("in/alpha.png").toFile());

        int code = RunCommand.execute(new String[]{"upscale", dir.resolve("in").toString(), "--out", dir.resolve("out").toString(),
                "--param", "factor=3"});

        assertThat(code).as(errText()).isZero();
        BufferedImage result = ImageIO.read(dir.resolve("out/alpha-x3.png").toFile());
        assertThat(result.getWidth()).isEqualTo(source.getWidth() * 3);
        JsonNode audit = DocumentJson.mapper().readTree(dir.resolve("out/alpha.audit.json").toFile());
        assertThat(audit.path("audit").get(0).path("parameters").path("factor").asDouble()).isEqualTo(3.0);
        assertThat(dir.resolve("out/exif-orientation-6.audit.json")).exists();
        assertThat(errText()).contains("done: 2, failed: 0");
    }

    @Test
    void runsARouteFileWithItsFileOutputsSentToOut() throws Exception {
        fixture("alpha.png");
        Path route = Files.writeString(dir.resolve("web.yaml"), """
                - route:
                    id: web
                    from:
                      uri: "file:somewhere/inbox"
                      steps:
                        - to: "flow:upscale?factor=2"
                        - to: "flow:convert?format=jpeg&maxWidth=40"
                        - to: "file:somewhere/outbox"
                """);
        int code = RunCommand.execute(new String[]{route.toString(),
                dir.resolve("in/alpha.png").toString(), "--out", dir.resolve("out").toString()});

        assertThat(code).as(errText()).isZero();
        BufferedImage result = ImageIO.read(dir.resolve("out/alpha-x2.jpg").toFile());
        assertThat(result.getWidth()).isEqualTo(40);
        JsonNode audit = DocumentJson.mapper().readTree(dir.resolve("out/alpha.audit.json").toFile());
        assertThat(audit.path("audit")).hasSize(2);
        assertThat(dir.resolve("somewhere")).doesNotExist();

        int withParam = RunCommand.execute(new String[]{route.toString(), dir.resolve("in/alpha.png").toString(),
                "--out", dir.resolve("out3").toString(), "--param", "upscale.factor=3", "--param", "maxWidth=30"});
        assertThat(withParam).as(errText()).isZero();
        assertThat(ImageIO.read(dir.resolve("out3/alpha-x3.jpg").toFile()).getWidth()).isEqualTo(30);

        int wrong = RunCommand.execute(new String[]{route.toString(), dir.resolve("in/alpha.png").toString(),
                "--out", dir.resolve("out2").toString(), "--param", "facter=3"});
        assertThat(wrong).isEqualTo(2);
        assertThat(errText()).contains("unknown parameter 'facter' for route 'web'; known: ")
                .contains("(did you mean 'factor'?)");
    }

    @Test
    void aBadFileFailsWithItsReasonAndExitCodeOne() throws Exception {
        fixture("alpha.png");
        fixture("truncated.jpg");
        int code = RunCommand.execute(new String[]{"convert", dir.resolve("in/alpha.png").toString(),
                dir.resolve("in/truncated.jpg").toString(), "--out", dir.resolve("out").toString()});

        assertThat(code).isEqualTo(1);
        assertThat(errText()).contains("done: 1, failed: 1").contains("failed truncated.jpg: ").contains("truncated");
        assertThat(dir.resolve("out/alpha.png")).exists();
    }

    @Test
    void unknownStepsAndParametersAreUsageErrors() throws Exception {
        fixture("alpha.png");
        String in = dir.resolve("in").toString();
        String out = dir.resolve("out").toString();

        assertThat(RunCommand.execute(new String[]{"upscal", in, "--out", out})).isEqualTo(2);
        assertThat(errText()).contains("unknown step 'upscal'; known: anonymize, convert, generate, morph, pdf-assemble, pdf-render, upscale");
        assertThat(RunCommand.execute(new String[]{"upscale", in, "--out", out, "--param", "facter=2"})).isEqualTo(2);
        assertThat(errText()).contains("unknown parameter 'facter' for step 'upscale'");
        assertThat(RunCommand.execute(new String[]{"upscale", in})).isEqualTo(2);
        assertThat(errText()).contains("--out DIR is required");
    }
}
