package io.flowpack.generate;

import java.awt.image.BufferedImage;

/**
 * What to generate, whatever the backend.
 *
 * @param prompt         what the image shows
 * @param negativePrompt what it should not show (classifier-free guidance's unconditional prompt); may be empty
 * @param seed           0 … 2³²−1; the same seed, model and parameters give the same images
 * @param width          pixels, a multiple of 8
 * @param height         pixels, a multiple of 8
 * @param steps          denoising steps of the full schedule (img2img runs the last {@code strength·steps})
 * @param guidance       classifier-free guidance scale; 1 or less runs the prompt alone
 * @param batch          images to make; image {@code i} uses the i-th slice of the seeded noise
 * @param scheduler      {@code auto}, {@code euler}, {@code euler_ancestral}, {@code ddim} or {@code lcm}
 * @param strength       img2img: how much of the init image is replaced by noise, 0 … 1
 * @param initImage      the image to start from (img2img), or null for text to image
 * @param model          the model, as the backend names them (a diffusers ONNX folder, a ComfyUI checkpoint)
 */
public record GenerationRequest(String prompt, String negativePrompt, long seed, int width, int height, int steps,
                                double guidance, int batch, String scheduler, double strength,
                                BufferedImage initImage, String model) {

    public GenerationRequest {
        require(prompt != null, "a prompt is needed");
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        require(seed >= 0 && seed <= 0xFFFF_FFFFL, "seed must be 0…4294967295, got " + seed);
        require(width >= 8 && height >= 8 && width % 8 == 0 && height % 8 == 0,
                "width and height must be multiples of 8 (at least 8), got " + width + "×" + height);
        require(steps >= 1, "steps must be at least 1, got " + steps);
        require(batch >= 1, "batch must be at least 1, got " + batch);
        require(strength >= 0 && strength <= 1, "strength must be 0…1, got " + strength);
        require(guidance >= 0, "guidance must not be negative, got " + guidance);
    }

    public boolean imageToImage() {
        return initImage != null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
