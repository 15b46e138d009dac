package io.flowpack.schedule;

/**
 * What one frame is made of: it shows {@code weight} of the current keyframe's prompt and {@code 1 − weight} of
 * the next keyframe's (FizzNodes blends the encoded prompts as {@code weight·enc(current) + (1−weight)·enc(next)}).
 *
 * @param frame           0-based frame index
 * @param currentPositive positive prompt of the keyframe at or before the frame, expressions evaluated
 * @param nextPositive    positive prompt of the following keyframe
 * @param currentNegative negative prompt (after {@code --neg}) of the current keyframe
 * @param nextNegative    negative prompt of the following keyframe
 * @param weight          share of the current prompt: 1 at a keyframe, falling linearly towards the next
 */
public record FramePrompt(int frame, String currentPositive, String nextPositive, String currentNegative,
                          String nextNegative, double weight) {
}
