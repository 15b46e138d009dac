package io.flowpack.model.tensor;

import io.flowpack.model.ModelManifest;

/**
 * The per-channel affine map between 8-bit pixel levels and model values: {@code value = level * gain[c] +
 * offset[c]}. For inputs it combines the manifest's range with mean and std; for outputs it maps the output
 * range back onto 0..255.
 */
public record PixelTransform(float[] gain, float[] offset) {

    /** Level 0..255 → {@code (lo + level/255 · (hi − lo) − mean) / std}. */
    public static PixelTransform forInput(ModelManifest manifest) {
        double lo = manifest.inputRange()[0];
        double hi = manifest.inputRange()[1];
        float[] gain = new float[3];
        float[] offset = new float[3];
        for (int c = 0; c < 3; c++) {
            gain[c] = (float) ((hi - lo) / 255 / manifest.std()[c]);
            offset[c] = (float) ((lo - manifest.mean()[c]) / manifest.std()[c]);
        }
        return new PixelTransform(gain, offset);
    }

    /** Model value in the output range → level 0..255 (the same for every channel). */
    public static PixelTransform forOutput(ModelManifest manifest) {
        double lo = manifest.outputRange()[0];
        double hi = manifest.outputRange()[1];
        float gain = (float) (255 / (hi - lo));
        float offset = (float) (-lo * 255 / (hi - lo));
        return new PixelTransform(new float[]{gain, gain, gain}, new float[]{offset, offset, offset});
    }
}
