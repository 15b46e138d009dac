package io.flowpack.morph;

import java.awt.image.BufferedImage;

/** Receives an {@link AnimationBackend}'s frames in order, hears its progress and may cancel it. */
public interface AnimationListener {

    /** Sampling progress: {@code done} of {@code total} denoising steps (all frames sample together). */
    void step(int done, int total);

    /**
     * Frame {@code index} (0, 1, 2, … in order); it may have any size, the step fits it to the video's.
     *
     * @throws AnimationException when the frame cannot be written
     */
    void frame(int index, BufferedImage image);

    /** Polled while the backend waits; true stops it with a {@link java.util.concurrent.CancellationException}. */
    boolean cancelled();
}
