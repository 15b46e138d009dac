package io.flowpack.generate.onnx;

import ai.onnxruntime.OnnxTensor;
import io.flowpack.generate.GenerationException;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;

/**
 * The VAE, one image at a time (as diffusers' ONNX pipelines do): decode {@code latents / scaling_factor} to RGB in
 * [−1, 1] and map to 0…255 by {@code round(clip(x/2 + 0.5, 0, 1)·255)}; encode an RGB image mapped to [−1, 1] and
 * scale the latents by {@code scaling_factor} (an 8-channel output is a mean and log-variance: the mean is used).
 */
final class Vae {
    static final String DECODER_INPUT = "latent_sample";
    static final String DECODER_OUTPUT = "sample";
    static final String ENCODER_INPUT = "sample";
    static final String ENCODER_OUTPUT = "latent_sample";

    private Vae() {
    }

    static BufferedImage decode(DiffusersPipeline pipeline, float[] latents, int h, int w) {
        float[] scaled = new float[latents.length];
        double inverse = 1 / pipeline.scalingFactor();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (float) (latents[i] * inverse);
        }
        int height = h * 8;
        int width = w * 8;
        try (OnnxTensor input = pipeline.vaeDecoder().floatInput(DECODER_INPUT, scaled, 1, 4, h, w)) {
            float[] rgb = pipeline.vaeDecoder().run(Map.of(DECODER_INPUT, input), DECODER_OUTPUT,
                    new long[]{1, 3, height, width});
            return toImage(rgb, width, height);
        }
    }

    static float[] encode(DiffusersPipeline pipeline, BufferedImage image, int h, int w) {
        OnnxComponent encoder = pipeline.vaeEncoder().orElseThrow(() -> new GenerationException(
                "img2img needs " + DiffusersFolder.VAE_ENCODER + " in " + pipeline.folder().root()));
        try (OnnxTensor input = encoder.floatInput(ENCODER_INPUT, toTensor(image), 1, 3, h * 8L, w * 8L)) {
            float[] latents = encoder.run(Map.of(ENCODER_INPUT, input), ENCODER_OUTPUT, null);
            int size = 4 * h * w;
            if (latents.length != size && latents.length != 2 * size) {
                throw new GenerationException("vae_encoder returned " + latents.length + " values; expected [1,4," + h
                        + "," + w + "] (or 8 channels: mean and log-variance)");
            }
            float[] mean = Arrays.copyOf(latents, size);
            for (int i = 0; i < size; i++) {
                mean[i] = (float) (mean[i] * pipeline.scalingFactor());
            }
            return mean;
        }
    }

    /** CHW floats in [−1, 1] → RGB. */
    static BufferedImage toImage(float[] chw, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = width * height;
        int[] pixels = new int[plane];
        for (int i = 0; i < plane; i++) {
            pixels[i] = byteOf(chw[i]) << 16 | byteOf(chw[plane + i]) << 8 | byteOf(chw[2 * plane + i]);
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    /** RGB → CHW floats in [−1, 1]: {@code v / 127.5 − 1}. */
    static float[] toTensor(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            chw[i] = (pixels[i] >> 16 & 0xFF) / 127.5f - 1;
            chw[plane + i] = (pixels[i] >> 8 & 0xFF) / 127.5f - 1;
            chw[2 * plane + i] = (pixels[i] & 0xFF) / 127.5f - 1;
        }
        return chw;
    }

    private static int byteOf(float value) {
        double v = Math.max(0, Math.min(1, value / 2.0 + 0.5));
        return (int) Math.rint(v * 255);                      // numpy round: half to even
    }
}
