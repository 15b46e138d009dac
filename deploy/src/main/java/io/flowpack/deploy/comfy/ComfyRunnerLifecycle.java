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
            if (portInUse(e)) {
                throw new UncheckedIOException("the ComfyUI graph runner could not start: " + settings.host() + ":"
                        + settings.port() + " is already in use (a ComfyUI on the same port?); set "
                        + "flowpack.comfy.runner.port, or flowpack.comfy.runner.enabled=false", e);
            }
            throw new UncheckedIOException("the ComfyUI graph runner could not start: " + e.getMessage(), e);
        }
        LOG.info("ComfyUI graph runner listening on {} ({} node types)", runner.url(), nodes.all().size());
    }

    private static boolean portInUse(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
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
