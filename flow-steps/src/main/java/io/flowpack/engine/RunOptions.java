package io.flowpack.engine;

import io.flowpack.imaging.ImageLimits;
import io.flowpack.step.ProgressListener;

import java.util.function.BooleanSupplier;

/**
 * How one step run is watched and bounded.
 *
 * @param progress    receives per-step progress
 * @param cancelled   answers true once the work should stop
 * @param imageLimits limits for every image the step decodes
 */
public record RunOptions(ProgressListener progress, BooleanSupplier cancelled, ImageLimits imageLimits) {
    public static final RunOptions DEFAULT = new RunOptions(ProgressListener.NONE, () -> false, ImageLimits.DEFAULT);

    public RunOptions {
        progress = progress == null ? ProgressListener.NONE : progress;
        cancelled = cancelled == null ? () -> false : cancelled;
        imageLimits = imageLimits == null ? ImageLimits.DEFAULT : imageLimits;
    }

    public RunOptions withProgress(ProgressListener listener) {
        return new RunOptions(listener, cancelled, imageLimits);
    }

    public RunOptions withCancelled(BooleanSupplier supplier) {
        return new RunOptions(progress, supplier, imageLimits);
    }
}
