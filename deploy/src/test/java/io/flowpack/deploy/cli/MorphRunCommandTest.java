package io.flowpack.deploy.cli;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code flowpack run morph keyframes/*.jpg …}: all inputs become one document, so one video comes out. */
class MorphRunCommandTest {
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
    void keyframeFilesMakeOneMp4() throws Exception {
        Path keyframes = Files.createDirectories(dir.resolve("keyframes"));
        for (int i = 0; i < 3; i++) {
            ImageIO.write(keyframe(i), "jpg", keyframes.resolve("k" + i + ".jpg").toFile());
        }
        Path out = dir.resolve("out");

        int code = RunCommand.execute(new String[]{"morph", keyframes.resolve("k0.jpg").toString(),
                keyframes.resolve("k1.jpg").toString(), keyframes.resolve("k2.jpg").toString(),
                "--param", "fps=8", "--param", "frames=21", "--out", out.toString()});

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> videos;
        try (Stream<Path> list = Files.list(out)) {
            videos = list.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
        assertThat(videos).extracting(p -> p.getFileName().toString()).containsExactly("keyframes.mp4");
        assertThat(out.resolve("keyframes.audit.json")).exists();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(videos.get(0).toFile())) {
            grabber.start();
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(21);
            assertThat(grabber.getFrameRate()).isEqualTo(8.0);
            assertThat(grabber.getImageWidth()).isEqualTo(160);
            grabber.stop();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("3 inputs as one document");
    }

    @Test
    void aBadKeyframeFailsTheOneVideoWithItsName() throws Exception {
        Path keyframes = Files.createDirectories(dir.resolve("keys"));
        ImageIO.write(keyframe(0), "jpg", keyframes.resolve("a.jpg").toFile());
        Files.write(keyframes.resolve("b.jpg"), new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});

        int code = RunCommand.execute(new String[]{"morph", keyframes.toString(), "--param", "frames=9",
                "--out", dir.resolve("out").toString()});

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed keys").contains("b.jpg");
    }

    private static BufferedImage keyframe(int index) {
        BufferedImage image = new BufferedImage(160, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 60, 90), 160, 96, new Color(200, 180, 120)));
        g.fillRect(0, 0, 160, 96);
        g.setColor(new Color(240, 240, 230));
        g.fillOval(20 + 30 * index, 30, 36, 36);
        g.dispose();
        return image;
    }
}
