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
     * ({@code timestep_cond} [batch, 4], whose mean is added to the output), and the float type of the models' float
     * inputs and outputs ({@code FLOAT}, or {@code FLOAT16} as in half-precision exports).
     */
    public record Options(int idsType, int timestepType, boolean vaeEncoder, String schedulerClass,
                          boolean guidanceEmbedding, int floatType) {
        public static final Options DEFAULT = new Options(OnnxModelBuilder.INT64, OnnxModelBuilder.FLOAT, true,
                "EulerDiscreteScheduler", false, OnnxModelBuilder.FLOAT);
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
        write(folder, DiffusersFolder.TEXT_ENCODER, textEncoder(options.idsType(), options.floatType()));
        write(folder, DiffusersFolder.UNET, unet(options.timestepType(), options.floatType(), options.guidanceEmbedding()));
        write(folder, DiffusersFolder.VAE_DECODER, vaeDecoder(options.floatType()));
        if (options.vaeEncoder()) {
            write(folder, DiffusersFolder.VAE_ENCODER, vaeEncoder(options.floatType()));
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
        return textEncoder(idsType, OnnxModelBuilder.FLOAT);
    }

    static byte[] textEncoder(int idsType, int floatType) {
        float[] scale = new float[HIDDEN];
        for (int d = 0; d < HIDDEN; d++) {
            scale[d] = (d + 1) / 100f;
        }
        OnnxModelBuilder b = new OnnxModelBuilder("text_encoder", OPSET)
                .input("input_ids", idsType, List.of("batch", 77))
                .initializerInt64("axis2", new long[]{2}, 1)
                .initializer("scale", scale, 1, 1, HIDDEN)
                .node("Cast", List.of("input_ids"), List.of("ids"), Map.of("to", OnnxModelBuilder.FLOAT))
                .node("Unsqueeze", List.of("ids", "axis2"), List.of("ids3"))
                .node("Mul", List.of("ids3", "scale"), List.of("hidden"));
        return output(b, "hidden", "last_hidden_state", floatType, List.of("batch", 77, HIDDEN));
    }

    static byte[] unet(int timestepType) {
        return unet(timestepType, OnnxModelBuilder.FLOAT, false);
    }

    /**
     * out_sample = 0.5·sample + mean(encoder_hidden_states) + 0.001·timestep (+ mean(timestep_cond) with
     * {@code guidanceEmbedding}); float inputs and the output in {@code floatType}.
     */
    static byte[] unet(int timestepType, int floatType, boolean guidanceEmbedding) {
        OnnxModelBuilder b = new OnnxModelBuilder("unet", OPSET);
        String sample = input(b, "sample", floatType, List.of("batch", 4, "height", "width"));
        b.input("timestep", timestepType, List.of("steps"));
        String hidden = input(b, "encoder_hidden_states", floatType, List.of("batch", 77, HIDDEN));
        b.initializer("half", new float[]{0.5f})
                .initializer("milli", new float[]{0.001f})
                .initializerInt64("axis3", new long[]{3}, 1)
                .initializerInt64("column", new long[]{-1, 1, 1, 1}, 4)
                .node("ReduceMean", List.of(hidden), List.of("mean3"), Map.of("axes", new long[]{1, 2}, "keepdims", 1))
                .node("Unsqueeze", List.of("mean3", "axis3"), List.of("mean"))
                .node("Mul", List.of(sample, "half"), List.of("halved"))
                .node("Add", List.of("halved", "mean"), List.of("guided"))
                .node("Cast", List.of("timestep"), List.of("t"), Map.of("to", OnnxModelBuilder.FLOAT))
                .node("Mul", List.of("t", "milli"), List.of("tScaled"))
                .node("Reshape", List.of("tScaled", "column"), List.of("tColumn"))
                .node("Add", List.of("guided", "tColumn"), List.of("timed"));
        String result = "timed";
        if (guidanceEmbedding) {
            String cond = input(b, "timestep_cond", floatType, List.of("batch", 4));
            b.node("ReduceMean", List.of(cond), List.of("condMean"), Map.of("axes", new long[]{1}, "keepdims", 1))
                    .node("Reshape", List.of("condMean", "column"), List.of("condColumn"))
                    .node("Add", List.of("timed", "condColumn"), List.of("withCond"));
            result = "withCond";
        }
        return output(b, result, "out_sample", floatType, List.of("batch", 4, "height", "width"));
    }

    static byte[] vaeDecoder() {
        return vaeDecoder(OnnxModelBuilder.FLOAT);
    }

    static byte[] vaeDecoder(int floatType) {
        OnnxModelBuilder b = new OnnxModelBuilder("vae_decoder", OPSET);
        String latents = input(b, "latent_sample", floatType, List.of("batch", 4, "height", "width"));
        b.initializerInt64("starts", new long[]{0}, 1)
                .initializerInt64("ends", new long[]{3}, 1)
                .initializerInt64("axes", new long[]{1}, 1)
                .initializer("scales", new float[]{1, 1, 8, 8}, 4)
                .node("Slice", List.of(latents, "starts", "ends", "axes"), List.of("rgb"))
                .node("Resize", List.of("rgb", "", "scales"), List.of("image"),
                        Map.of("mode", "nearest", "coordinate_transformation_mode", "asymmetric", "nearest_mode", "floor"));
        return output(b, "image", "sample", floatType, List.of("batch", 3, "height8", "width8"));
    }

    static byte[] vaeEncoder(int floatType) {
        OnnxModelBuilder b = new OnnxModelBuilder("vae_encoder", OPSET);
        String image = input(b, "sample", floatType, List.of("batch", 3, "height8", "width8"));
        b.node("AveragePool", List.of(image), List.of("pooled"),
                        Map.of("kernel_shape", new long[]{8, 8}, "strides", new long[]{8, 8}))
                .node("ReduceMean", List.of("pooled"), List.of("grey"), Map.of("axes", new long[]{1}, "keepdims", 1))
                .node("Concat", List.of("pooled", "grey"), List.of("latents"), Map.of("axis", 1));
        return output(b, "latents", "latent_sample", floatType, List.of("batch", 4, "height", "width"));
    }

    /** Declares a float input; returns the name of its float32 value (a Cast for float16 inputs). */
    private static String input(OnnxModelBuilder b, String name, int floatType, List<?> dims) {
        b.input(name, floatType, dims);
        if (floatType == OnnxModelBuilder.FLOAT) {
            return name;
        }
        b.node("Cast", List.of(name), List.of(name + "_f32"), Map.of("to", OnnxModelBuilder.FLOAT));
        return name + "_f32";
    }

    /** Declares the output {@code name} from the float32 value {@code result}, cast to {@code floatType}. */
    private static byte[] output(OnnxModelBuilder b, String result, String name, int floatType, List<?> dims) {
        if (floatType == OnnxModelBuilder.FLOAT) {
            b.node("Identity", List.of(result), List.of(name));
        } else {
            b.node("Cast", List.of(result), List.of(name), Map.of("to", floatType));
        }
        return b.output(name, floatType, dims).toBytes();
    }
}
