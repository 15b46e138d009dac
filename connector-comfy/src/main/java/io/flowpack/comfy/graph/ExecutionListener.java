package io.flowpack.comfy.graph;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** What {@link GraphExecutor} reports while a prompt runs, in ComfyUI's order; all calls come from its thread. */
public interface ExecutionListener {

    /** {@code execution_start}. */
    void executionStarted();

    /** {@code execution_cached}: nodes whose outputs are reused, in prompt order. */
    void executionCached(List<String> nodeIds);

    /** A node starts ({@code progress_state} running, {@code executing}). */
    void nodeStarted(String nodeId);

    /** A node reports progress ({@code progress}, {@code progress_state}). */
    void nodeProgress(String nodeId, long value, long max);

    /** A node sends a preview image (binary frame). */
    void nodePreview(String nodeId, BufferedImage image);

    /** A node sends a finished image (full-size PNG binary frame); by default treated as a preview. */
    default void nodeImage(String nodeId, BufferedImage image) {
        nodePreview(nodeId, image);
    }

    /** {@code executed}: a node's UI output; null for a cached output node without one. */
    void nodeExecuted(String nodeId, Map<String, Object> ui);

    /** A node finished ({@code progress_state} finished). */
    void nodeFinished(String nodeId);
}
