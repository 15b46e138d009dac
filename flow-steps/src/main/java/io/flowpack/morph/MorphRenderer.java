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
 * video is. Keyframes are loaded when their transition is prepared and dropped when it ends; each transition is
 * prepared once (e.g. its optical flow) on the pool, the next one while the current one is awaited and its frames
 * are made, so at most three keyframes and two transitions are held.
 */
final class MorphRenderer {

    /** Supplies keyframe {@code index} at the video's size. */
    @FunctionalInterface
    interface Keyframes {
        RgbFrame get(int index) throws StepException;
    }

    /** Told about each transition when it starts: its keyframe index and {@link Interpolator.Transition#describe}. */
    @FunctionalInterface
    interface TransitionLog {
        void started(int from, String description);
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
                FrameProgress progress, TransitionLog log) throws StepException, IOException {
        Map<Integer, RgbFrame> loaded = new HashMap<>();
        Map<Integer, Future<Interpolator.Transition>> prepared = new HashMap<>();
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
                        Future<Interpolator.Transition> next =
                                prepare(prepared, loaded, source, interpolator, blend.from());
                        if (blend.to() + 1 < timeline.keyframes()) {
                            // the following transition's flow is measured on the pool while this one is awaited
                            // and its frames are made (at the start both flows are measured at once)
                            prepare(prepared, loaded, source, interpolator, blend.to());
                        }
                        transition = next.get();
                        transitionFrom = blend.from();
                        prepared.remove(transitionFrom);
                        log.started(transitionFrom, transition.describe());
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            pending.forEach(future -> future.cancel(true));
            prepared.values().forEach(future -> future.cancel(true));
        }
    }

    /** The transition from keyframe {@code from} to the next, started on the pool once (keyframes load here). */
    private Future<Interpolator.Transition> prepare(Map<Integer, Future<Interpolator.Transition>> prepared,
                                                    Map<Integer, RgbFrame> loaded, Keyframes source,
                                                    Interpolator interpolator, int from) throws StepException {
        Future<Interpolator.Transition> future = prepared.get(from);
        if (future == null) {
            RgbFrame a = load(loaded, source, from);
            RgbFrame b = load(loaded, source, from + 1);
            future = pool.submit(() -> interpolator.between(a, b));
            prepared.put(from, future);
        }
        return future;
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
            throw unwrap(e);
        }
    }

    private static StepException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof StepException step) {
            return step;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new StepException("rendering a frame failed: " + cause, cause);
    }
}
