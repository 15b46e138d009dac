package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.NodeContext;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** The context {@link io.flowpack.comfy.node.ComfyNode#validateInputs} gets: identity and folders, nothing runs. */
final class ValidationContext implements NodeContext {

    private final String promptId;
    private final String nodeId;
    private final NodeEnvironment environment;
    private final Object prompt;

    ValidationContext(String promptId, String nodeId, NodeEnvironment environment, Object prompt) {
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
