package io.flowpack.video;

import java.io.IOException;

/**
 * Receives the frames of one video in order and writes them as they come, so a long video never sits in memory.
 * {@link #finish()} completes the file; {@link #close()} releases the encoder (after a failure too).
 */
public interface FrameSink extends AutoCloseable {

    /** One frame: {@code width × height} packed RGB pixels ({@code 0x00RRGGBB}, alpha ignored). */
    void write(int[] rgb) throws IOException;

    /** Flushes the encoder and writes the container's trailer. */
    void finish() throws IOException;

    /** Frames written so far. */
    int frames();

    @Override
    void close() throws IOException;
}
