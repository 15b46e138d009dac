package io.flowpack.deploy.comfy;

import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.runner.ComfyRunner;
import io.flowpack.comfy.runner.RunnerSettings;
import io.flowpack.imaging.ImageLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Starts the graph runner with the application and stops it before the beans it uses. */
public class ComfyRunnerLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ComfyRunnerLifecycle.class);

    private final RunnerSettings settings;
    private final NodeRegistry nodes;
    private final ImageLimits imageLimits;
    private volatile ComfyRunner runner;

    public ComfyRunnerLifecycle(RunnerSettings settings, NodeRegistry nodes, ImageLimits imageLimits) {
        this.settings = settings;
        this.nodes = nodes;
        this.imageLimits = imageLimits;
    }

    @Override
    public synchronized void start() {
        if (runner != null) {
            return;
        }
        try {
            runner = ComfyRunner.start(settings, nodes, imageLimits);
        } catch (IOException e) {
            throw new UncheckedIOException("the ComfyUI graph runner could not start", e);
        }
        LOG.info("ComfyUI graph runner listening on {} ({} node types)", runner.url(), nodes.all().size());
    }

    @Override
    public synchronized void stop() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    @Override
    public boolean isRunning() {
        return runner != null;
    }

    /** The bound port; -1 when not running. */
    public int port() {
        ComfyRunner current = runner;
        return current == null ? -1 : current.port();
    }

    public RunnerSettings settings() {
        return settings;
    }
}
