package io.flowpack.video;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameRecorder;

import java.util.concurrent.CompletableFuture;

/**
 * Loads bytedeco's natives — FFmpeg, then e.g. OpenCV for the optical flow — on one background thread, so that their
 * loading (about a second of a cold process) overlaps useful work such as decoding keyframes. JavaCPP loads
 * libraries under one lock and initialises classes while holding it, so two threads loading different presets at
 * once could block each other; all preloading therefore happens on this one thread, FFmpeg first, and the users of
 * these natives call {@link #await()} before touching them. Once per process; without a preload nothing waits.
 */
public final class NativePreload {
    private static CompletableFuture<Void> loading;

    private NativePreload() {
    }

    /**
     * Starts loading FFmpeg and then the natives of {@code presets} (classes such as {@code opencv_video}), unless a
     * preload was started before. A failure is left for the first real use to report with its context.
     */
    public static synchronized void start(Class<?>... presets) {
        if (loading != null) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        loading = done;
        Thread thread = new Thread(() -> {
            try {
                FFmpegFrameRecorder.tryLoad();
                for (Class<?> preset : presets) {
                    Loader.load(preset);
                }
            } catch (Throwable e) {
                // reported by the first use of the library, which fails the same way
            } finally {
                done.complete(null);
            }
        }, "flowpack-natives");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once a preload started earlier has finished (at once when none was started). */
    public static void await() {
        CompletableFuture<Void> done;
        synchronized (NativePreload.class) {
            done = loading;
        }
        if (done != null) {
            done.join();
        }
    }
}
