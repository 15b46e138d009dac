package io.flowpack.generate;

import io.flowpack.step.Param;

/** The parameters of the {@code generate} step. */
public record GenerateParams(
        @Param(description = "What to generate; empty takes the prompt from the text input")
        String prompt,
        @Param(description = "What the image should not show (the unconditional prompt of guidance)")
        String negativePrompt,
        @Param(description = "Seed of the noise; the same seed, model and parameters give the same images",
                defaultValue = "0", min = 0, max = 4294967295L)
        long seed,
        @Param(description = "Width in pixels, a multiple of 8", defaultValue = "512", min = 8, max = 4096)
        int width,
        @Param(description = "Height in pixels, a multiple of 8", defaultValue = "512", min = 8, max = 4096)
        int height,
        @Param(description = "Denoising steps", defaultValue = "20", min = 1, max = 1000)
        int steps,
        @Param(description = "Classifier-free guidance scale; 1 or less uses the prompt alone", defaultValue = "7.5",
                min = 0, max = 100)
        double guidance,
        @Param(description = "Images per input", defaultValue = "1", min = 1, max = 16)
        int batch,
        @Param(description = "Sampler: auto (the model's scheduler_config), euler, euler_ancestral, ddim or lcm",
                defaultValue = "auto", allowed = {"auto", "euler", "euler_ancestral", "ddim", "lcm"})
        String scheduler,
        @Param(description = "For an image input (img2img): share of the schedule re-noised, 0 keeps the image",
                defaultValue = "0.75", min = 0, max = 1)
        double strength,
        @Param(description = "onnx: Stable Diffusion on ONNX Runtime; comfy: a workflow on a ComfyUI server",
                defaultValue = "onnx", allowed = {"onnx", "comfy"})
        String backend,
        @Param(description = "For onnx: a diffusers ONNX folder, by name in the models folder or by path")
        String model) {
}
