package io.flowpack.morph;

import io.flowpack.step.Param;

/** The parameters of the {@code morph} step. */
public record MorphParams(
        @Param(description = "Frames per second of the video", defaultValue = "8", min = 0.1, max = 240)
        double fps,
        @Param(description = "Number of frames; keyframes are spread evenly from the first to the last frame",
                defaultValue = "64", min = 1, max = 100000)
        int frames,
        @Param(description = "Frame width in pixels; 0 takes the first keyframe's (or keeps its aspect when height "
                + "is set; generated keyframes are 512 wide then)", defaultValue = "0", min = 0, max = 7680)
        int width,
        @Param(description = "Frame height in pixels; 0 takes the first keyframe's (or keeps its aspect when width "
                + "is set; generated keyframes are 512 high then)", defaultValue = "0", min = 0, max = 7680)
        int height,
        @Param(description = "Container: mp4 (H.264), webm (VP9), gif or webp (animated)", defaultValue = "mp4",
                allowed = {"mp4", "webm", "gif", "webp"})
        String format,
        @Param(description = "Encoder quality, 0 (smallest) to 1 (best)", defaultValue = "0.75", min = 0, max = 1)
        float quality,
        @Param(description = "flow: optical-flow morph; onnx: a frame-interpolation model (see model); "
                + "crossfade: plain blend; comfy: every frame from the schedule by an AnimateDiff workflow on a "
                + "ComfyUI server (no keyframe images)", defaultValue = "flow")
        MorphMethod method,
        @Param(description = "For method onnx: the model name or the path of a .onnx file with its manifest beside it")
        String model,
        @Param(description = "Frame number of each keyframe, comma-separated and increasing (e.g. 0,30,60); "
                + "empty spreads them evenly")
        String keyframeFrames,
        @Param(description = "A prompt schedule in FizzNodes BatchPromptSchedule syntax (\"0\": \"apples\", "
                + "\"30\": \"oranges\", …): its keyframes place the images, its weights blend them; without images "
                + "(the schedule may also be the text part) one keyframe is generated per prompt, see keyframeModel")
        String schedule,
        @Param(description = "For method flow: prefer the keyframe that sees a pixel where the other one hides it "
                + "(forward-backward flow check); off blends both everywhere", defaultValue = "true")
        boolean occlusion,
        @Param(description = "Without keyframe images: the generation model that makes one keyframe per prompt of "
                + "the schedule (for onnx a diffusers ONNX folder, by name in the models folder or by path); for "
                + "method comfy the server's checkpoint (ckpt_name), empty keeps the template's")
        String keyframeModel,
        @Param(description = "Without keyframe images: onnx (Stable Diffusion on ONNX Runtime) or comfy (a ComfyUI "
                + "server) generates the keyframes", defaultValue = "onnx", allowed = {"onnx", "comfy"})
        String backend,
        @Param(description = "Without keyframe images: the seed every generated keyframe shares", defaultValue = "0",
                min = 0, max = 4294967295L)
        long seed,
        @Param(description = "Without keyframe images: denoising steps per generated keyframe", defaultValue = "20",
                min = 1, max = 1000)
        int steps,
        @Param(description = "Without keyframe images: classifier-free guidance scale of the generated keyframes",
                defaultValue = "7.5", min = 0, max = 100)
        double guidance,
        @Param(description = "For method comfy: the AnimateDiff motion model on the server (model_name); empty keeps "
                + "the template's")
        String motionModel) {
}
