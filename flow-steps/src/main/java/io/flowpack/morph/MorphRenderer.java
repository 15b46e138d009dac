package io.flowpack.morph;

import io.flowpack.step.StepException;
import io.flowpack.video.FrameSink;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Renders a {@link MorphTimeline} into a {@link FrameSink}: frames are made on a pool of threads, at most
 * {@code window} ahead of the encoder, and written strictly in order, so memory stays bounded however long the
 * video is. Keyframes are loaded when their transition begins and dropped when it ends; each transition is
 * prepared once (e.g. its optical flow) on the calling thread while the pool still works on the previous one.
 */
final class MorphRenderer {

    /** Supplies keyframe {@code index} at the video's size. */
    @FunctionalInterface
    interface Keyframes {
        RgbFrame get(int index) throws StepException;
    }

    /** Called after each frame is encoded. */
    @FunctionalInterface
    interface FrameProgress {
        void written(int frames, int total);
    }

    private final ExecutorService pool;
    private final int window;
    private final BooleanSupplier cancelled;

    MorphRenderer(ExecutorService pool, int window, BooleanSupplier cancelled) {
        this.pool = pool;
        this.window = Math.max(1, window);
        this.cancelled = cancelled;
    }

    void render(MorphTimeline timeline, Keyframes source, Interpolator interpolator, FrameSink sink,
                FrameProgress progress) throws StepException, IOException {
        Map<Integer, RgbFrame> loaded = new HashMap<>();
        ArrayDeque<Future<int[]>> pending = new ArrayDeque<>();
        Interpolator.Transition transition = null;
        int transitionFrom = -1;
        int total = timeline.frames();
        int written = 0;
        try {
            for (int f = 0; f < total; f++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled at frame " + (f + 1) + " of " + total);
                }
                FrameBlend blend = timeline.blend(f);
                loaded.keySet().removeIf(index -> index < blend.from());
                RgbFrame from = load(loaded, source, blend.from());
                if (blend.isKeyframe()) {
                    int[] still = from.pixels();
                    pending.add(pool.submit(() -> still));
                } else {
                    if (transitionFrom != blend.from()) {
                        transition = interpolator.between(from, load(loaded, source, blend.to()));
                        transitionFrom = blend.from();
                    }
                    Interpolator.Transition current = transition;
                    double weight = blend.weight();
                    pending.add(pool.submit(() -> current.frame(weight)));
                }
                while (pending.size() >= window) {
                    sink.write(next(pending));
                    progress.written(++written, total);
                }
            }
            while (!pending.isEmpty()) {
                sink.write(next(pending));
                progress.written(++written, total);
            }
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
    }

    private static RgbFrame load(Map<Integer, RgbFrame> loaded, Keyframes source, int index) throws StepException {
        RgbFrame frame = loaded.get(index);
        if (frame == null) {
            frame = source.get(index);
            loaded.put(index, frame);
        }
        return frame;
    }

    private static int[] next(ArrayDeque<Future<int[]>> pending) throws StepException {
        Future<int[]> head = pending.poll();
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StepException step) {
                throw step;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StepException("rendering a frame failed: " + cause, cause);
        }
    }
}
