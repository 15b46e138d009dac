package io.flowpack.anonymizer.detect;

/**
 * Where a region lands when fitted into a square model input without distortion (YOLO's letterbox): scaled by
 * {@code scale}, centred, the rest padded grey (level 114).
 */
public record Letterbox(double scale, int padX, int padY, int width, int height) {
    public static final int PAD_LEVEL = 114;

    public static Letterbox fit(int regionWidth, int regionHeight, int inputWidth, int inputHeight) {
        double scale = Math.min((double) inputWidth / regionWidth, (double) inputHeight / regionHeight);
        int width = Math.max(1, Math.min(inputWidth, (int) Math.round(regionWidth * scale)));
        int height = Math.max(1, Math.min(inputHeight, (int) Math.round(regionHeight * scale)));
        return new Letterbox(scale, (inputWidth - width) / 2, (inputHeight - height) / 2, width, height);
    }

    /** An input x coordinate back in region pixels. */
    public double regionX(double inputX) {
        return (inputX - padX) / scale;
    }

    /** An input y coordinate back in region pixels. */
    public double regionY(double inputY) {
        return (inputY - padY) / scale;
    }
}
