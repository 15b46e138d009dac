package io.flowpack.schedule;

/**
 * A keyframe after its key was resolved to a frame.
 *
 * @param frame    the frame the key names
 * @param key      the key as written ({@code 30}, {@code max_f/2}); empty for the implicit first and last keyframes
 * @param prompt   the prompt as written
 */
public record Keyframe(int frame, String key, String prompt) {
}
