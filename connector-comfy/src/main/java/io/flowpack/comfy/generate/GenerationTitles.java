package io.flowpack.comfy.generate;

/**
 * The node titles ({@code _meta.title}) the {@code comfy} generation backend binds a request into. A template names
 * its nodes so; nodes are found by title only (not by class), so a workflow with two {@code CLIPTextEncode} nodes is
 * unambiguous.
 *
 * <table>
 * <tr><th>title</th><th>node (ComfyUI class)</th><th>inputs set</th><th>needed</th></tr>
 * <tr><td>{@value #POSITIVE}</td><td>CLIPTextEncode</td><td>text</td><td>always</td></tr>
 * <tr><td>{@value #NEGATIVE}</td><td>CLIPTextEncode</td><td>text</td><td>when the request has a negative prompt</td></tr>
 * <tr><td>{@value #SAMPLER}</td><td>KSampler</td><td>seed, steps, cfg, sampler_name (unless {@code auto}),
 * denoise (img2img: strength)</td><td>always</td></tr>
 * <tr><td>{@value #LATENT}</td><td>EmptyLatentImage (or RepeatLatentBatch)</td><td>width, height, batch_size
 * (RepeatLatentBatch: amount)</td><td>text to image; img2img with a batch over 1</td></tr>
 * <tr><td>{@value #CHECKPOINT}</td><td>CheckpointLoaderSimple</td><td>ckpt_name (the request's model)</td>
 * <td>when the request names a model</td></tr>
 * </table>
 *
 * img2img templates load the start image with their one {@code LoadImage} node.
 */
public final class GenerationTitles {
    public static final String POSITIVE = "Positive prompt";
    public static final String NEGATIVE = "Negative prompt";
    public static final String SAMPLER = "Sampler";
    public static final String LATENT = "Latent";
    public static final String CHECKPOINT = "Checkpoint";

    /** Suffix of the title of the second text encoder a schedule frame adds ({@code Positive prompt (next)}). */
    public static final String NEXT_SUFFIX = " (next)";
    /** Suffix of the title of the {@code ConditioningAverage} a schedule frame adds ({@code Positive prompt (blend)}). */
    public static final String BLEND_SUFFIX = " (blend)";

    private GenerationTitles() {
    }
}
