package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.NodeContext;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A node context with identity, folders and limits where progress and previews go nowhere and nothing interrupts:
 * what {@link io.flowpack.comfy.node.ComfyNode#validateInputs} and {@code changeToken} get, and what a caller outside
 * the runner (a benchmark baseline) can use.
 */
public final class QuietNodeContext implements NodeContext {

    private final String promptId;
    private final String nodeId;
    private final NodeEnvironment environment;
    private final Object prompt;

    /**
     * @param prompt the API-format prompt for {@link #prompt()}, or null
     */
    public QuietNodeContext(String promptId, String nodeId, NodeEnvironment environment, Object prompt) {
        this.promptId = promptId;
        this.nodeId = nodeId;
        this.environment = environment;
        this.prompt = prompt;
    }

    @Override
    public String promptId() {
        return promptId;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Path inputDirectory() {
        return environment.inputDirectory();
    }

    @Override
    public Path outputDirectory() {
        return environment.outputDirectory();
    }

    @Override
    public Path tempDirectory() {
        return environment.tempDirectory();
    }

    @Override
    public io.flowpack.imaging.ImageLimits imageLimits() {
        return environment.imageLimits();
    }

    @Override
    public Object prompt() {
        return prompt;
    }

    @Override
    public void progress(long value, long max) {
        // nothing runs during validation
    }

    @Override
    public void preview(BufferedImage image) {
        // nothing runs during validation
    }

    @Override
    public void checkInterrupted() {
        // validation is not interruptible
    }
}
