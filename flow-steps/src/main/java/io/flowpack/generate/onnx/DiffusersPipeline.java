package io.flowpack.generate.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.scheduler.SchedulerConfig;
import io.flowpack.generate.scheduler.SchedulerConfigException;
import io.flowpack.generate.tokenizer.ClipTokenizer;
import io.flowpack.generate.tokenizer.TokenizerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A loaded diffusers ONNX folder: tokenizer, sessions for each model, scheduler config and VAE scaling factor. */
public final class DiffusersPipeline implements AutoCloseable {
    public static final double DEFAULT_SCALING_FACTOR = 0.18215;

    private final DiffusersFolder folder;
    private final ClipTokenizer tokenizer;
    private final OnnxComponent textEncoder;
    private final OnnxComponent unet;
    private final OnnxComponent vaeDecoder;
    private final OnnxComponent vaeEncoder;                 // null without vae_encoder/
    private final SchedulerConfig schedulerConfig;
    private final double scalingFactor;
    private final PromptEncodings encodings = new PromptEncodings(64);

    private DiffusersPipeline(DiffusersFolder folder, ClipTokenizer tokenizer, OnnxComponent textEncoder,
                              OnnxComponent unet, OnnxComponent vaeDecoder, OnnxComponent vaeEncoder,
                              SchedulerConfig schedulerConfig, double scalingFactor) {
        this.folder = folder;
        this.tokenizer = tokenizer;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.vaeDecoder = vaeDecoder;
        this.vaeEncoder = vaeEncoder;
        this.schedulerConfig = schedulerConfig;
        this.scalingFactor = scalingFactor;
    }

    /**
     * @param threads ONNX Runtime intra-op threads per session
     * @throws GenerationException naming the missing or broken file
     */
    public static DiffusersPipeline load(DiffusersFolder folder, int threads) {
        if (!Files.isDirectory(folder.root())) {
            throw new GenerationException("model folder " + folder.root() + " does not exist");
        }
        if (!folder.missing().isEmpty()) {
            throw new GenerationException("model folder " + folder.root() + " is not a diffusers ONNX folder: missing "
                    + String.join(", ", folder.missing()));
        }
        ClipTokenizer tokenizer;
        SchedulerConfig schedulerConfig;
        double scalingFactor;
        try {
            tokenizer = ClipTokenizer.load(folder.file("tokenizer"));
            Path config = folder.file(DiffusersFolder.SCHEDULER_CONFIG);
            schedulerConfig = Files.isRegularFile(config) ? SchedulerConfig.read(config) : SchedulerConfig.STABLE_DIFFUSION;
            scalingFactor = scalingFactor(folder.file(DiffusersFolder.VAE_CONFIG));
        } catch (TokenizerException | SchedulerConfigException e) {
            throw new GenerationException("model folder " + folder.root() + ": " + e.getMessage(), e);
        }
        OnnxComponent textEncoder = null;
        OnnxComponent unet = null;
        OnnxComponent decoder = null;
        try {
            textEncoder = OnnxComponent.load("text_encoder", folder.file(DiffusersFolder.TEXT_ENCODER), threads,
                    Set.of(TextEncoder.INPUT));
            unet = OnnxComponent.load("unet", folder.file(DiffusersFolder.UNET), threads, Unet.INPUTS,
                    Set.of(Unet.TIMESTEP_COND));
            decoder = OnnxComponent.load("vae_decoder", folder.file(DiffusersFolder.VAE_DECODER), threads,
                    Set.of(Vae.DECODER_INPUT));
            Path encoderFile = folder.file(DiffusersFolder.VAE_ENCODER);
            OnnxComponent encoder = Files.isRegularFile(encoderFile)
                    ? OnnxComponent.load("vae_encoder", encoderFile, threads, Set.of(Vae.ENCODER_INPUT)) : null;
            return new DiffusersPipeline(folder, tokenizer, textEncoder, unet, decoder, encoder, schedulerConfig,
                    scalingFactor);
        } catch (RuntimeException e) {
            for (OnnxComponent loaded : new OnnxComponent[]{textEncoder, unet, decoder}) {
                if (loaded != null) {
                    loaded.close();
                }
            }
            throw e;
        }
    }

    private static double scalingFactor(Path vaeConfig) {
        if (!Files.isRegularFile(vaeConfig)) {
            return DEFAULT_SCALING_FACTOR;
        }
        try {
            JsonNode json = new ObjectMapper().readTree(vaeConfig.toFile());
            double factor = json.path("scaling_factor").asDouble(DEFAULT_SCALING_FACTOR);
            if (!(factor > 0)) {
                throw new GenerationException(vaeConfig + ": scaling_factor must be positive, got " + factor);
            }
            return factor;
        } catch (IOException e) {
            throw new GenerationException("cannot read " + vaeConfig + ": " + e.getMessage(), e);
        }
    }

    public DiffusersFolder folder() {
        return folder;
    }

    /** The text encoder's results for recently used prompts (a schedule's frames reuse a few prompts). */
    PromptEncodings encodings() {
        return encodings;
    }

    ClipTokenizer tokenizer() {
        return tokenizer;
    }

    OnnxComponent textEncoder() {
        return textEncoder;
    }

    OnnxComponent unet() {
        return unet;
    }

    OnnxComponent vaeDecoder() {
        return vaeDecoder;
    }

    Optional<OnnxComponent> vaeEncoder() {
        return Optional.ofNullable(vaeEncoder);
    }

    public SchedulerConfig schedulerConfig() {
        return schedulerConfig;
    }

    public double scalingFactor() {
        return scalingFactor;
    }

    /** The hash that identifies the model: the UNet's (see {@link ComponentHash}). */
    public String modelHash() {
        return unet.sha256();
    }

    /** Every component's hash, by component name. */
    public Map<String, String> componentHashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (OnnxComponent c : new OnnxComponent[]{textEncoder, unet, vaeDecoder, vaeEncoder}) {
            if (c != null) {
                hashes.put(c.name(), c.sha256());
            }
        }
        return hashes;
    }

    @Override
    public void close() {
        for (OnnxComponent c : new OnnxComponent[]{textEncoder, unet, vaeDecoder, vaeEncoder}) {
            if (c != null) {
                c.close();
            }
        }
    }
}
