package io.flowpack.comfy.testsupport;

import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.comfy.runner.ComfyRunner;
import io.flowpack.comfy.runner.RunnerSettings;
import io.flowpack.engine.StepRegistry;
import io.flowpack.model.ModelRegistry;

import org.awaitility.Awaitility;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * flowpack's graph runner on a free loopback port, with the built-in nodes, every flowpack step and {@link HoldNode};
 * {@link #restart()} stops it and starts a fresh one (empty queue and history) on the same port and folders.
 */
public final class RunnerFixture implements AutoCloseable {
    private final Path data;
    private ComfyRunner runner;
    private int port;

    public RunnerFixture(Path data) throws IOException {
        this.data = data;
        this.runner = start(0);
        this.port = runner.port();
    }

    private ComfyRunner start(int onPort) throws IOException {
        RunnerSettings settings = RunnerSettings.under(data).withPort(onPort);
        NodeRegistry nodes = BuiltInNodes.create(StepRegistry.discover(),
                ModelRegistry.of(RunnerFixture.class.getClassLoader(), null), settings.inputDirectory());
        nodes.register(new HoldNode());
        return ComfyRunner.start(settings, nodes);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ComfyRunner runner() {
        return runner;
    }

    /** Stops the runner (its queue and history are lost, as in a ComfyUI restart). */
    public void stop() {
        runner.close();
    }

    /** Starts a fresh runner on the same port and folders, retrying while the old port lingers (up to 5 s). */
    public void startAgain() {
        runner = Awaitility.await("a runner on port " + port).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100)).ignoreException(IOException.class)
                .until(() -> start(port), started -> started != null);
    }

    @Override
    public void close() {
        runner.close();
    }

    /** A real PNG: a colour gradient of the given size. */
    public static byte[] gradientPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / Math.max(1, width - 1)) << 16 | (y * 255 / Math.max(1, height - 1)) << 8 | 96);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
