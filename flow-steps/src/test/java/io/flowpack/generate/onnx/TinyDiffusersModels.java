package io.flowpack.generate.onnx;

import io.flowpack.onnx.OnnxModelBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a tiny diffusers ONNX folder whose models have the real input/output names and shapes and outputs that can
 * be computed by hand (all batch and spatial dimensions free):
 * <ul>
 *   <li>text_encoder: {@code last_hidden_state[b,t,d] = input_ids[b,t] · (d+1)/100}, D = {@value #HIDDEN};</li>
 *   <li>unet: {@code out_sample = 0.5·sample + mean(encoder_hidden_states[b]) + 0.001·timestep};</li>
 *   <li>vae_decoder: channels 0–2 of the latents, each value repeated over an 8×8 block;</li>
 *   <li>vae_encoder: the 8×8 block means of the three channels, plus their mean as the fourth channel.</li>
 * </ul>
 * The tokenizer is the hand-written one of {@code src/test/resources/generate/tokenizer}; the scheduler config is
 * Stable Diffusion's values with {@code timestep_spacing} trailing.
 */
public final class TinyDiffusersModels {
    public static final int HIDDEN = 4;
    private static final int OPSET = 13;

    /**
     * Element types of the token ids and the timestep ({@link OnnxModelBuilder#INT64}, {@code FLOAT}, or 6 = int32),
     * whether there is a VAE encoder, the scheduler class, and whether the UNet takes an LCM guidance embedding
     * ({@code timestep_cond} [batch, 4], whose mean is added to the output).
     */
    public record Options(int idsType, int timestepType, boolean vaeEncoder, String schedulerClass,
                          boolean guidanceEmbedding) {
        public static final Options DEFAULT = new Options(OnnxModelBuilder.INT64, OnnxModelBuilder.FLOAT, true,
                "EulerDiscreteScheduler", false);
    }

    private TinyDiffusersModels() {
    }

    public static Path write(Path folder) throws IOException {
        return write(folder, Options.DEFAULT);
    }

    public static Path write(Path folder, Options options) throws IOException {
        Files.createDirectories(folder.resolve("tokenizer"));
        for (String file : List.of("vocab.json", "merges.txt")) {
            try (InputStream in = TinyDiffusersModels.class.getResourceAsStream("/generate/tokenizer/" + file)) {
                if (in == null) {
                    throw new IOException("test resource /generate/tokenizer/" + file + " is not on the class path");
                }
                Files.write(folder.resolve("tokenizer").resolve(file), in.readAllBytes());
            }
        }
        write(folder, DiffusersFolder.TEXT_ENCODER, textEncoder(options.idsType()));
        write(folder, DiffusersFolder.UNET, options.guidanceEmbedding() ? lcmUnet(options.timestepType())
                : unet(options.timestepType()));
        write(folder, DiffusersFolder.VAE_DECODER, vaeDecoder());
        if (options.vaeEncoder()) {
            write(folder, DiffusersFolder.VAE_ENCODER, vaeEncoder());
        }
        Files.createDirectories(folder.resolve("scheduler"));
        Files.writeString(folder.resolve(DiffusersFolder.SCHEDULER_CONFIG), """
                {"_class_name": "%s", "num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012,
                 "beta_schedule": "scaled_linear", "prediction_type": "epsilon", "timestep_spacing": "trailing",
                 "steps_offset": 1, "set_alpha_to_one": false, "clip_sample": false}
                """.formatted(options.schedulerClass()));
        return folder;
    }

    private static void write(Path folder, String file, byte[] model) throws IOException {
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, model);
    }

    static byte[] textEncoder(int idsType) {
        float[] scale = new float[HIDDEN];
        for (int d = 0; d < HIDDEN; d++) {
            scale[d] = (d + 1) / 100f;
        }
        return new OnnxModelBuilder("text_encoder", OPSET)
                .input("input_ids", idsType, List.of("batch", 77))
                .initializerInt64("axis2", new long[]{2}, 1)
                .initializer("scale", scale, 1, 1, HIDDEN)
                .node("Cast", List.of("input_ids"), List.of("ids"), Map.of("to", OnnxModelBuilder.FLOAT))
                .node("Unsqueeze", List.of("ids", "axis2"), List.of("ids3"))
                .node("Mul", List.of("ids3", "scale"), List.of("last_hidden_state"))
                .output("last_hidden_state", OnnxModelBuilder.FLOAT, List.of("batch", 77, HIDDEN))
                .toBytes();
    }

    static byte[] unet(int timestepType) {
        return new OnnxModelBuilder("unet", OPSET)
                .input("sample", OnnxModelBuilder.FLOAT, List.of("batch", 4, "height", "width"))
                .input("timestep", timestepType, List.of("steps"))
                .input("encoder_hidden_states", OnnxModelBuilder.FLOAT, List.of("batch", 77, HIDDEN))
                .initializer("half", new float[]{0.5f})
                .initializer("milli", new float[]{0.001f})
                .initializerInt64("axis3", new long[]{3}, 1)
                .initializerInt64("column", new long[]{-1, 1, 1, 1}, 4)
                .node("ReduceMean", List.of("encoder_hidden_states"), List.of("mean3"),
                        Map.of("axes", new long[]{1, 2}, "keepdims", 1))
                .node("Unsqueeze", List.of("mean3", "axis3"), List.of("mean"))
                .node("Mul", List.of("sample", "half"), List.of("halved"))
                .node("Add", List.of("halved", "mean"), List.of("guided"))
                .node("Cast", List.of("timestep"), List.of("t"), Map.of("to", OnnxModelBuilder.FLOAT))
                .node("Mul", List.of("t", "milli"), List.of("tScaled"))
                .node("Reshape", List.of("tScaled", "column"), List.of("tColumn"))
                .node("Add", List.of("guided", "tColumn"), List.of("out_sample"))
                .output("out_sample", OnnxModelBuilder.FLOAT, List.of("batch", 4, "height", "width"))
                .toBytes();
    }

    /** The UNet plus {@code timestep_cond} [batch, 4]: out_sample gains the row mean of the embedding. */
    static byte[] lcmUnet(int timestepType) {
        return new OnnxModelBuilder("unet", OPSET)
                .input("sample", OnnxModelBuilder.FLOAT, List.of("batch", 4, "height", "width"))
                .input("timestep", timestepType, List.of("steps"))
                .input("encoder_hidden_states", OnnxModelBuilder.FLOAT, List.of("batch", 77, HIDDEN))
                .input("timestep_cond", OnnxModelBuilder.FLOAT, List.of("batch", 4))
                .initializer("half", new float[]{0.5f})
                .initializer("milli", new float[]{0.001f})
                .initializerInt64("axis3", new long[]{3}, 1)
                .initializerInt64("column", new long[]{-1, 1, 1, 1}, 4)
                .node("ReduceMean", List.of("encoder_hidden_states"), List.of("mean3"),
                        Map.of("axes", new long[]{1, 2}, "keepdims", 1))
                .node("Unsqueeze", List.of("mean3", "axis3"), List.of("mean"))
                .node("Mul", List.of("sample", "half"), List.of("halved"))
                .node("Add", List.of("halved", "mean"), List.of("guided"))
                .node("Cast", List.of("timestep"), List.of("t"), Map.of("to", OnnxModelBuilder.FLOAT))
                .node("Mul", List.of("t", "milli"), List.of("tScaled"))
                .node("Reshape", List.of("tScaled", "column"), List.of("tColumn"))
                .node("Add", List.of("guided", "tColumn"), List.of("timed"))
                .node("ReduceMean", List.of("timestep_cond"), List.of("condMean"), Map.of("axes", new long[]{1},
                        "keepdims", 1))
                .node("Reshape", List.of("condMean", "column"), List.of("condColumn"))
                .node("Add", List.of("timed", "condColumn"), List.of("out_sample"))
                .output("out_sample", OnnxModelBuilder.FLOAT, List.of("batch", 4, "height", "width"))
                .toBytes();
    }

    static byte[] vaeDecoder() {
        return new OnnxModelBuilder("vae_decoder", OPSET)
                .input("latent_sample", OnnxModelBuilder.FLOAT, List.of("batch", 4, "height", "width"))
                .initializerInt64("starts", new long[]{0}, 1)
                .initializerInt64("ends", new long[]{3}, 1)
                .initializerInt64("axes", new long[]{1}, 1)
                .initializer("scales", new float[]{1, 1, 8, 8}, 4)
                .node("Slice", List.of("latent_sample", "starts", "ends", "axes"), List.of("rgb"))
                .node("Resize", List.of("rgb", "", "scales"), List.of("sample"),
                        Map.of("mode", "nearest", "coordinate_transformation_mode", "asymmetric", "nearest_mode", "floor"))
                .output("sample", OnnxModelBuilder.FLOAT, List.of("batch", 3, "height8", "width8"))
                .toBytes();
    }

    static byte[] vaeEncoder() {
        return new OnnxModelBuilder("vae_encoder", OPSET)
                .input("sample", OnnxModelBuilder.FLOAT, List.of("batch", 3, "height8", "width8"))
                .node("AveragePool", List.of("sample"), List.of("pooled"),
                        Map.of("kernel_shape", new long[]{8, 8}, "strides", new long[]{8, 8}))
                .node("ReduceMean", List.of("pooled"), List.of("grey"), Map.of("axes", new long[]{1}, "keepdims", 1))
                .node("Concat", List.of("pooled", "grey"), List.of("latent_sample"), Map.of("axis", 1))
                .output("latent_sample", OnnxModelBuilder.FLOAT, List.of("batch", 4, "height", "width"))
                .toBytes();
    }
}
