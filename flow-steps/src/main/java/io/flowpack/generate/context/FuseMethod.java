package io.flowpack.generate.context;

import java.util.Arrays;
import java.util.List;

/**
 * How the predictions of overlapping context windows are averaged: each window weighs its frames, and a frame's
 * result is {@code Σ weight·prediction / Σ weight} over the windows that hold it (AnimateDiff-Evolved's
 * {@code fuse_method}).
 */
public enum FuseMethod {
    /** Weights rise by one from each edge of the window: 1, 2, …, n/2, n/2, …, 2, 1 (odd: one peak in the middle). */
    PYRAMID("pyramid"),
    /** Every frame of a window weighs 1. */
    FLAT("flat");

    /** AnimateDiff-Evolved's names of the methods flowpack does not implement. */
    public static final List<String> UNSUPPORTED = List.of("overlap-linear", "relative",
            "🔬delayed reverse sawtooth", "🔬pyramid-sigma", "🔬pyramid-sigma inverse", "🔬gauss-sigma",
            "🔬gauss-sigma inverse", "🔬random");

    private final String label;

    FuseMethod(String label) {
        this.label = label;
    }

    /** The name AnimateDiff-Evolved's nodes use. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the methods flowpack implements */
    public static FuseMethod named(String name) {
        for (FuseMethod method : values()) {
            if (method.label.equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("fuse_method '" + name + "' is not implemented by flowpack; use one of "
                + Arrays.stream(values()).map(FuseMethod::label).toList());
    }

    /** The weight of each position of a window of {@code length} frames. */
    public double[] weights(int length) {
        double[] weights = new double[length];
        for (int i = 0; i < length; i++) {
            weights[i] = this == FLAT ? 1 : Math.min(i + 1, length - i);
        }
        return weights;
    }
}
