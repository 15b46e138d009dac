package io.flowpack.comfy.node;

import io.flowpack.imaging.ImageLimits;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * Sends a finished image, full size as PNG, as a binary WebSocket frame to the prompt's client (ComfyUI's
     * {@code SaveImageWebsocket}); where there is no WebSocket it is a preview.
     */
    default void sendImage(BufferedImage image) {
        preview(image);
    }

    /** Throws when the prompt was interrupted ({@code /interrupt}); long loops call it between steps. */
    void checkInterrupted() throws NodeInterruptedException;

    /**
     * ComfyUI's hidden {@code PROMPT} input: the API-format prompt being executed, as a JSON-serialisable value
     * (a {@code Map} or a Jackson tree), or null when the runner does not pass it. {@code SaveImage} writes it into
     * the PNG {@code prompt} text chunk.
     */
    default Object prompt() {
        return null;
    }

    /**
     * ComfyUI's hidden {@code EXTRA_PNGINFO} input: {@code extra_data.extra_pnginfo} of the request (normally
     * {@code {"workflow": …}}), key to JSON-serialisable value, in the request's order; empty when none.
     * {@code SaveImage} writes one PNG text chunk per key.
     */
    default Map<String, Object> extraPngInfo() {
        return Map.of();
    }

    /** The limits for every image a node decodes (pixel count, file size). */
    default ImageLimits imageLimits() {
        return ImageLimits.DEFAULT;
    }
}
