package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeInterruptedException;
import io.flowpack.imaging.ImageLimits;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

/** The context of one node while a prompt runs: progress and previews go to the listener, interrupts are checked. */
final class RunContext implements NodeContext {

    private final String promptId;
    private final String nodeId;
    private final NodeEnvironment environment;
    private final ExecutionListener listener;
    private final Interrupt interrupt;
    private final Object prompt;
    private final Map<String, Object> extraPngInfo;

    RunContext(String promptId, String nodeId, NodeEnvironment environment, ExecutionListener listener,
               Interrupt interrupt, Object prompt, Map<String, Object> extraPngInfo) {
        this.promptId = promptId;
        this.nodeId = nodeId;
        this.environment = environment;
        this.listener = listener;
        this.interrupt = interrupt;
        this.prompt = prompt;
        this.extraPngInfo = extraPngInfo;
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
    public ImageLimits imageLimits() {
        return environment.imageLimits();
    }

    @Override
    public Object prompt() {
        return prompt;
    }

    @Override
    public Map<String, Object> extraPngInfo() {
        return extraPngInfo;
    }

    @Override
    public void progress(long value, long max) {
        listener.nodeProgress(nodeId, value, max);
    }

    @Override
    public void preview(BufferedImage image) {
        listener.nodePreview(nodeId, image);
    }

    @Override
    public void checkInterrupted() throws NodeInterruptedException {
        if (interrupt.requested()) {
            throw new NodeInterruptedException();
        }
    }
}
