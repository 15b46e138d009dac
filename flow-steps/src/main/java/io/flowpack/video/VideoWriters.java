package io.flowpack.video;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the {@link FrameSink} for a {@link VideoSpec}: FFmpeg for MP4, WebM and WebP, javax.imageio for GIF. */
public final class VideoWriters {

    private VideoWriters() {
    }

    public static FrameSink open(VideoSpec spec, Path file) throws IOException {
        return spec.format() == VideoFormat.GIF ? new GifFrameSink(spec, file) : new FfmpegFrameSink(spec, file);
    }
}
