package io.flowpack.morph;

import io.flowpack.model.image.FrameInterpolationModel;
import io.flowpack.model.image.ModelRunException;
import io.flowpack.step.StepException;

/**
 * The {@code onnx} backend: each in-between frame is one run of a RIFE-style {@link FrameInterpolationModel} on the
 * two keyframes with the frame's weight as the time.
 */
public final class OnnxInterpolator implements Interpolator {
    private final FrameInterpolationModel model;

    public OnnxInterpolator(FrameInterpolationModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "onnx:" + model.model().name();
    }

    @Override
    public Transition between(RgbFrame a, RgbFrame b) {
        return weight -> {
            try {
                return model.interpolate(a.pixels(), b.pixels(), a.width(), a.height(), (float) weight);
            } catch (ModelRunException e) {
                throw new StepException(e.getMessage(), e);
            }
        };
    }
}
