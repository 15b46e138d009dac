package io.flowpack.comfy.graph;

import java.awt.image.BufferedImage;

/**
 * A node context with identity, folders and limits where progress and previews go nowhere and nothing interrupts:
 * what {@link io.flowpack.comfy.node.ComfyNode#validateInputs} and {@code changeToken} get, and what a caller outside
 * the runner (a benchmark baseline) can use.
 */
public final class QuietNodeContext extends FolderNodeContext {

    /**
     * @param prompt the API-format prompt for {@link #prompt()}, or null
     */
    public QuietNodeContext(String promptId, String nodeId, NodeEnvironment environment, Object prompt) {
        super(promptId, nodeId, environment, prompt);
    }

    @Override
    public void progress(long value, long max) {
        // nothing listens
    }

    @Override
    public void preview(BufferedImage image) {
        // nothing listens
    }

    @Override
    public void checkInterrupted() {
        // not interruptible
    }
}
