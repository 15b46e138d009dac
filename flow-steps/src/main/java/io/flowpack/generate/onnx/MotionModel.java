package io.flowpack.generate.onnx;

import ai.onnxruntime.OnnxTensor;
import io.flowpack.generate.GenerationException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * An AnimateDiff motion model as ONNX: since a PyTorch motion module cannot be injected into an ONNX UNet, it is an
 * export of the whole motion UNet (diffusers' {@code UNetMotionModel}: the checkpoint's UNet plus a motion adapter).
 * Inputs {@code sample} [1,4,F,h,w] (diffusers' layout: batch, channels, frames, height, width), {@code timestep}
 * (scalar or [k]) and {@code encoder_hidden_states} [F,77,D] (one encoding per frame); output {@code out_sample}
 * [1,4,F,h,w]. F, h and w may be fixed by the export; a fixed F is the context length it runs.
 */
public final class MotionModel implements AutoCloseable {
    static final Set<String> INPUTS = Set.of(Unet.SAMPLE, Unet.TIMESTEP, Unet.HIDDEN);

    private final OnnxComponent model;
    private final Path file;

    private MotionModel(OnnxComponent model, Path file) {
        this.model = model;
        this.file = file;
    }

    /** @throws GenerationException naming the file and the input or output whose shape is not a motion UNet's */
    public static MotionModel load(Path file, int threads) {
        OnnxComponent component = OnnxComponent.load("motion", file, threads, INPUTS);
        try {
            long[] sample = component.inputShape(Unet.SAMPLE);
            long[] hidden = component.inputShape(Unet.HIDDEN);
            long[] output = component.outputShape(Unet.OUTPUT);
            if (sample.length != 5 || !free(sample[0], 1) || !free(sample[1], 4)) {
                throw shapeError(file, "input 'sample'", sample);
            }
            if (hidden.length != 3) {
                throw new GenerationException("motion model " + file + ": input 'encoder_hidden_states' has shape "
                        + Arrays.toString(hidden) + "; expected [frames, 77, hidden size]");
            }
            if (output.length != 5) {
                throw shapeError(file, "output", output);
            }
            if (sample[2] > 0 && hidden[0] > 0 && sample[2] != hidden[0]) {
                throw new GenerationException("motion model " + file + ": 'sample' has " + sample[2]
                        + " frames but 'encoder_hidden_states' " + hidden[0]);
            }
            return new MotionModel(component, file);
        } catch (RuntimeException e) {
            component.close();
            throw e;
        }
    }

    private static boolean free(long declared, long expected) {
        return declared <= 0 || declared == expected;
    }

    private static GenerationException shapeError(Path file, String what, long[] shape) {
        return new GenerationException("motion model " + file + ": " + what + " has shape " + Arrays.toString(shape)
                + "; expected [1, 4, frames, height/8, width/8] (an ONNX export of diffusers' UNetMotionModel)");
    }

    /** The frames the export was fixed to (its context length), or −1 when any number of frames runs. */
    public int frames() {
        long declared = model.inputShape(Unet.SAMPLE)[2];
        return declared > 0 ? (int) declared : -1;
    }

    public String sha256() {
        return model.sha256();
    }

    public Path file() {
        return file;
    }

    /**
     * Fails before sampling when the export cannot take windows of {@code window} frames of {@code h × w} latents
     * conditioned on encodings {@code dim} wide.
     */
    void check(int window, int h, int w, int dim) {
        long[] sample = model.inputShape(Unet.SAMPLE);
        if (sample[2] > 0 && sample[2] != window) {
            throw new GenerationException("motion model " + file + " was exported for " + sample[2] + " frames at a "
                    + "time but a context window has " + window + "; set context_length to " + sample[2]
                    + (window < sample[2] ? " and sample at least that many frames" : ""));
        }
        if ((sample[3] > 0 && sample[3] != h) || (sample[4] > 0 && sample[4] != w)) {
            throw new GenerationException("motion model " + file + " was exported for " + sample[4] * 8 + "×"
                    + sample[3] * 8 + " images, not " + w * 8 + "×" + h * 8);
        }
        long declaredDim = model.inputShape(Unet.HIDDEN)[2];
        if (declaredDim > 0 && declaredDim != dim) {
            throw new GenerationException("motion model " + file + " takes text encodings " + declaredDim
                    + " wide but the checkpoint's text encoder gives " + dim + " (another base model)");
        }
    }

    /**
     * The motion UNet's noise prediction for {@code count} consecutive-in-time frames.
     *
     * @param frames latents {@code [count,4,h,w]} (frame-major, as the sampler keeps them)
     * @param hidden one encoding per frame {@code [count,tokens,dim]}
     * @return {@code [count,4,h,w]}
     */
    float[] predict(float[] frames, int count, int h, int w, double timestep, float[] hidden, int tokens, int dim) {
        int plane = h * w;
        float[] sample = new float[frames.length];                      // [1,4,F,h,w]
        for (int f = 0; f < count; f++) {
            for (int c = 0; c < 4; c++) {
                System.arraycopy(frames, (f * 4 + c) * plane, sample, (c * count + f) * plane, plane);
            }
        }
        float[] out;
        try (OnnxTensor s = model.floatInput(Unet.SAMPLE, sample, 1, 4, count, h, w);
             OnnxTensor t = Unet.timestepTensor(model, timestep, 1);
             OnnxTensor e = model.floatInput(Unet.HIDDEN, hidden, count, tokens, dim)) {
            out = model.run(Map.of(Unet.SAMPLE, s, Unet.TIMESTEP, t, Unet.HIDDEN, e), Unet.OUTPUT,
                    new long[]{1, 4, count, h, w});
        }
        float[] result = new float[out.length];
        for (int f = 0; f < count; f++) {
            for (int c = 0; c < 4; c++) {
                System.arraycopy(out, (c * count + f) * plane, result, (f * 4 + c) * plane, plane);
            }
        }
        return result;
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "motion model " + file + " (sha256 " + sha256() + ")";
    }
}
