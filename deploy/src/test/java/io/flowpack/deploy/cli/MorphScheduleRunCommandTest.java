package io.flowpack.deploy.cli;

import io.flowpack.generate.onnx.TinyDiffusersModels;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code flowpack run morph schedule.txt --param keyframeModel=…}: keyframes generated from the schedule's prompts. */
class MorphScheduleRunCommandTest {
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

    @Test
    void aScheduleFileWithAModelMakesOneVideo() throws Exception {
        Path model = TinyDiffusersModels.write(dir.resolve("tiny-sd"));
        Path schedule = Files.writeString(dir.resolve("fruit.txt"), "\"0\": \"apples\", \"9\": \"a a a a a a\"");
        Path out = dir.resolve("out");

        int code = RunCommand.execute(new String[]{"morph", schedule.toString(), "--param",
                "keyframeModel=" + model, "--param", "steps=2", "--param", "frames=10", "--param", "width=32",
                "--param", "height=32", "--out", out.toString()});

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> videos;
        try (Stream<Path> list = Files.list(out)) {
            videos = list.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
        assertThat(videos).as(err.toString(StandardCharsets.UTF_8)).hasSize(1);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(videos.get(0).toFile())) {
            grabber.start();
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(10);
            assertThat(grabber.getImageWidth()).isEqualTo(32);
            grabber.stop();
        }
    }
}
