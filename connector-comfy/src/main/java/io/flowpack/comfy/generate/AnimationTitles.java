package io.flowpack.comfy.generate;

/**
 * The node titles ({@code _meta.title}) the {@code comfy} morph method binds a schedule into (template
 * {@code morph.json}: AnimateDiff-Evolved + FizzNodes' {@code BatchPromptSchedule}). Context options, sampler name and
 * fps-independent settings stay as the template has them.
 *
 * <table>
 * <tr><th>title</th><th>node (ComfyUI class)</th><th>inputs set</th><th>needed</th></tr>
 * <tr><td>{@value #SCHEDULE}</td><td>BatchPromptSchedule</td><td>text, max_frames, pre_text, app_text,
 * start_frame 0, end_frame 0</td><td>always</td></tr>
 * <tr><td>{@value GenerationTitles#LATENT}</td><td>EmptyLatentImage</td><td>width, height, batch_size = frames</td>
 * <td>always</td></tr>
 * <tr><td>{@value GenerationTitles#SAMPLER}</td><td>KSampler</td><td>seed, steps, cfg</td><td>always</td></tr>
 * <tr><td>{@value GenerationTitles#CHECKPOINT}</td><td>CheckpointLoaderSimple</td><td>ckpt_name</td>
 * <td>when the step names a model</td></tr>
 * <tr><td>{@value #MOTION_MODEL}</td><td>ADE_AnimateDiffLoaderGen1 (or the legacy loader)</td><td>model_name</td>
 * <td>when the step names a motion model</td></tr>
 * </table>
 */
public final class AnimationTitles {
    public static final String SCHEDULE = "Prompt schedule";
    public static final String MOTION_MODEL = "Motion model";

    private AnimationTitles() {
    }
}
