package io.flowpack.generate.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The diffusers ONNX folder layout a Stable Diffusion model comes in ({@code optimum-cli export onnx} or diffusers'
 * {@code convert_stable_diffusion_checkpoint_to_onnx.py}):
 * <pre>
 * tokenizer/vocab.json, tokenizer/merges.txt        CLIP BPE tokenizer
 * text_encoder/model.onnx                           input_ids [B,77] → last_hidden_state [B,77,D]
 * unet/model.onnx                                   sample [B,4,h,w], timestep, encoder_hidden_states → out_sample
 * vae_decoder/model.onnx                            latent_sample [B,4,h,w] → sample [B,3,8h,8w]
 * vae_encoder/model.onnx     (img2img only)         sample [B,3,8h,8w] → latent_sample [B,4,h,w]
 * scheduler/scheduler_config.json (optional)        else Stable Diffusion 1.x's values
 * vae_decoder/config.json    (optional)             scaling_factor, else 0.18215
 * </pre>
 */
public record DiffusersFolder(Path root) {
    public static final String VOCAB = "tokenizer/vocab.json";
    public static final String MERGES = "tokenizer/merges.txt";
    public static final String TEXT_ENCODER = "text_encoder/model.onnx";
    public static final String UNET = "unet/model.onnx";
    public static final String VAE_DECODER = "vae_decoder/model.onnx";
    public static final String VAE_ENCODER = "vae_encoder/model.onnx";
    public static final String SCHEDULER_CONFIG = "scheduler/scheduler_config.json";
    public static final String VAE_CONFIG = "vae_decoder/config.json";
    static final List<String> REQUIRED = List.of(VOCAB, MERGES, TEXT_ENCODER, UNET, VAE_DECODER);

    public DiffusersFolder {
        root = root.toAbsolutePath().normalize();
    }

    public Path file(String relative) {
        return root.resolve(relative);
    }

    /** The required files that are absent. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String file : REQUIRED) {
            if (!Files.isRegularFile(root.resolve(file))) {
                missing.add(file);
            }
        }
        return missing;
    }

    /** Whether a folder has the files of this layout (so it can be offered as a model). */
    public static boolean looksLike(Path folder) {
        return Files.isRegularFile(folder.resolve(UNET)) && Files.isRegularFile(folder.resolve(TEXT_ENCODER));
    }
}
