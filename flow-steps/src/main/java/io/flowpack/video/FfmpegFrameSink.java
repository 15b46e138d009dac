package io.flowpack.video;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * MP4 (OpenH264), WebM (VP9) and animated WebP (libwebp) through FFmpeg's libraries (bytedeco's LGPL build, see
 * docs/MORPH.md). Each frame is copied into one reused BGR frame buffer and encoded at once. The encoder starts with
 * the first frame, after a {@link NativePreload} under way has finished, so opening the sink costs nothing while the
 * natives load in the background.
 */
final class FfmpegFrameSink implements FrameSink {
    private final VideoSpec spec;
    private final Path file;
    private FFmpegFrameRecorder recorder;
    private Frame frame;
    /** One row of BGR bytes, filled in a plain loop and copied into the frame buffer in one call. */
    private final byte[] bgrRow;
    private int frames;

    FfmpegFrameSink(VideoSpec spec, Path file) {
        if (spec.format().ffmpegCodec() == null) {
            throw new IllegalArgumentException(spec.format() + " is not written through FFmpeg");
        }
        this.spec = spec;
        this.file = file;
        this.bgrRow = new byte[3 * spec.width()];
    }

    private void start() throws IOException {
        NativePreload.await();
        // FFmpeg prints stream details and encoder statistics to stderr by default; keep only real errors
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        VideoFormat format = spec.format();
        recorder = new FFmpegFrameRecorder(file.toFile(), spec.width(), spec.height(), 0);
        recorder.setFormat(format.extension());
        recorder.setVideoCodecName(format.ffmpegCodec());
        recorder.setFrameRate(spec.fps());
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setGopSize((int) Math.max(1, Math.round(spec.fps() * 4)));
        switch (format) {
            case MP4 -> {
                int qp = EncoderQuality.h264Qp(spec.quality());
                recorder.setVideoBitrate(0);
                recorder.setVideoOption("rc_mode", "quality");
                recorder.setVideoOption("qmin", String.valueOf(qp));
                recorder.setVideoOption("qmax", String.valueOf(Math.min(51, qp + 4)));
                recorder.setOption("movflags", "+faststart");
            }
            case WEBM -> {
                recorder.setVideoBitrate(0);
                recorder.setVideoOption("crf", String.valueOf(EncoderQuality.vp9Crf(spec.quality())));
                recorder.setVideoOption("deadline", "good");
                recorder.setVideoOption("cpu-used", "5");
                recorder.setVideoOption("row-mt", "1");
            }
            case WEBP -> {
                recorder.setVideoOption("quality", String.valueOf(EncoderQuality.webpQuality(spec.quality())));
                recorder.setOption("loop", "0");
            }
            default -> throw new IllegalArgumentException(format + " is not written through FFmpeg");
        }
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            close();
            throw new IOException("cannot start the " + format.ffmpegCodec() + " encoder for " + spec.width() + "×"
                    + spec.height() + " " + format.extension() + ": " + e.getMessage(), e);
        }
        frame = new Frame(spec.width(), spec.height(), Frame.DEPTH_UBYTE, 3);
    }

    @Override
    public void write(int[] rgb) throws IOException {
        int width = spec.width();
        int height = spec.height();
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("frame has " + rgb.length + " pixels, expected " + width + "×" + height);
        }
        if (frame == null) {
            start();
        }
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0, i = 0; x < width; x++, i += 3) {
                int p = rgb[row + x];
                bgrRow[i] = (byte) p;
                bgrRow[i + 1] = (byte) (p >> 8);
                bgrRow[i + 2] = (byte) (p >> 16);
            }
            buffer.position(y * stride);
            buffer.put(bgrRow);
        }
        buffer.rewind();
        try {
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("encoding frame " + (frames + 1) + " failed: " + e.getMessage(), e);
        }
        frames++;
    }

    @Override
    public void finish() throws IOException {
        if (frame == null) {
            start();
        }
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("finishing the " + spec.format().extension() + " file failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        if (recorder == null) {
            return;
        }
        try {
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("releasing the encoder failed: " + e.getMessage(), e);
        } finally {
            recorder = null;
        }
    }
}
