package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.NodeInterruptedException;

import java.awt.image.BufferedImage;
import java.util.Map;

/** The context of one node while a prompt runs: progress and previews go to the listener, interrupts are checked. */
final class RunContext extends FolderNodeContext {

    private final ExecutionListener listener;
    private final Interrupt interrupt;
    private final Map<String, Object> extraPngInfo;

    RunContext(String promptId, String nodeId, NodeEnvironment environment, ExecutionListener listener,
               Interrupt interrupt, Object prompt, Map<String, Object> extraPngInfo) {
        super(promptId, nodeId, environment, prompt);
        this.listener = listener;
        this.interrupt = interrupt;
        this.extraPngInfo = extraPngInfo;
    }

    @Override
    public Map<String, Object> extraPngInfo() {
        return extraPngInfo;
    }

    @Override
    public void progress(long value, long max) {
        listener.nodeProgress(nodeId(), value, max);
    }

    @Override
    public void preview(BufferedImage image) {
        listener.nodePreview(nodeId(), image);
    }

    @Override
    public void sendImage(BufferedImage image) {
        listener.nodeImage(nodeId(), image);
    }

    @Override
    public void checkInterrupted() throws NodeInterruptedException {
        if (interrupt.requested()) {
            throw new NodeInterruptedException();
        }
    }
}
