package io.flowpack.comfy.node;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** What a running node may use: its identity, the runner's folders, progress, interruption and previews. */
public interface NodeContext {

    /** The prompt id this call belongs to. */
    String promptId();

    /** The node id in the prompt ({@code "3"}). */
    String nodeId();

    /** ComfyUI's {@code input} folder (uploads, {@code LoadImage}). */
    Path inputDirectory();

    /** ComfyUI's {@code output} folder ({@code SaveImage}). */
    Path outputDirectory();

    /** ComfyUI's {@code temp} folder ({@code PreviewImage}); emptied when the runner starts. */
    Path tempDirectory();

    /** Reports {@code progress} / {@code progress_state} for this node, e.g. (3, 20). */
    void progress(long value, long max);

    /** Sends a preview of work in progress as a binary WebSocket frame to the prompt's client. */
    void preview(BufferedImage image);

    /** Throws when the prompt was interrupted ({@code /interrupt}); long loops call it between steps. */
    void checkInterrupted() throws NodeInterruptedException;
}
