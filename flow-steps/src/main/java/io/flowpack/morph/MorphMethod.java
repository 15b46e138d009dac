package io.flowpack.morph;

/** How the frames between two keyframes are made. */
public enum MorphMethod {
    /** Dense optical flow both ways (OpenCV DIS), both keyframes warped to the frame's time, occlusion-aware blend. */
    FLOW,
    /** A RIFE-style frame-interpolation ONNX model (two frames + time in, one frame out), see {@link OnnxInterpolator}. */
    ONNX,
    /** A plain cross-fade: no motion, the baseline. */
    CROSSFADE,
    /**
     * No keyframe images: an AnimateDiff + {@code BatchPromptSchedule} workflow on a ComfyUI server makes every frame
     * from the schedule ({@link AnimationBackend}).
     */
    COMFY
}
