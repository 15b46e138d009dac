package io.flowpack.generate;

import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.generate.onnx.OnnxGenerationBackend;
import io.flowpack.generate.scheduler.SchedulerConfigException;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.step.Step;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * {@code flow:generate?model=sd15-onnx&seed=42}: text to image for each text input (its content is the prompt
 * unless {@code prompt} is set), img2img for each image input (with {@code prompt} and {@code strength}).
 * Writes {@code batch} PNGs per input, named {@code <input>-s<seed>-<n>.png}.
 *
 * <p>Every image says it was generated: XMP {@code Iptc4xmpExt:DigitalSourceType} trainedAlgorithmicMedia with the
 * prompt, seed, steps, model and model hash ({@link GeneratedImageXmp}); the same fields are in the part's metadata
 * and the audit. Backends by the {@code backend} parameter: {@code onnx} built in, others (e.g. {@code comfy}) handed
 * to {@link #GenerateStep(List)}.
 */
public final class GenerateStep implements Step, AutoCloseable {
    public static final String NAME = "generate";
    private static final int MAX_PROMPT_BYTES = 64 * 1024;

    private static final StepDescriptor DESCRIPTOR = new StepDescriptor(NAME,
            "Generates images from a text prompt or an image (Stable Diffusion on ONNX Runtime, or ComfyUI)",
            Set.of("text/plain", "image/*"), Set.of(ImageFormat.PNG.mediaType()), GenerateParams.class);

    private final Map<String, GenerationBackend> backends = new LinkedHashMap<>();

    /** The onnx backend on the standard model registry (models folder from the system property). */
    public GenerateStep() {
        this(ModelRegistry.standard(), ModelSessions.shared());
    }

    public GenerateStep(ModelRegistry models, ModelSessions sessions) {
        this(List.of(new OnnxGenerationBackend(models, sessions.intraOpThreads())));
    }

    /** Backends by their {@link GenerationBackend#name()}; a later one replaces an earlier one of the same name. */
    public GenerateStep(List<? extends GenerationBackend> backends) {
        backends.forEach(b -> this.backends.put(b.name(), b));
    }

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        GenerateParams params = ctx.params(GenerateParams.class);
        GenerationBackend backend = backends.get(params.backend());
        if (backend == null) {
            throw new StepException("generation backend '" + params.backend() + "' is not available here (available: "
                    + String.join(", ", backends.keySet()) + ")" + ("comfy".equals(params.backend())
                    ? "; the comfy backend comes with the ComfyUI connector and a configured ComfyUI server" : ""));
        }
        long pixels = (long) params.width() * params.height();
        if (pixels > ctx.imageLimits().maxPixels()) {
            throw new StepException(String.format(Locale.ROOT, "%d×%d exceeds the image limit of %.1f MP",
                    params.width(), params.height(), ctx.imageLimits().maxPixels() / 1e6));
        }
        List<Part> outputs = new ArrayList<>();
        List<Map<String, Object>> audited = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ctx.checkCancelled();
            Part input = inputs.get(i);
            GenerationRequest request = request(input, params, ctx);
            int index = i;
            String message = "generating from '" + label(input) + "'";
            ctx.progress((double) i / inputs.size(), message);
            GenerationResult result = run(backend, request, ctx, (done, total) -> ctx.progress(
                    (index + (double) done / total) / inputs.size(), message + ", step " + done + "/" + total));
            for (int b = 0; b < result.images().size(); b++) {
                GenerationRecord record = new GenerationRecord(request.prompt(), request.negativePrompt(),
                        request.seed(), b, request.steps(), request.guidance(),
                        String.valueOf(result.details().getOrDefault("scheduler", request.scheduler())),
                        request.imageToImage() ? request.strength() : null, backend.name(), result.model(),
                        result.modelHash());
                outputs.add(write(result.images().get(b), record, input, ctx));
                audited.add(record.asMap());
            }
            runs.add(result.details());
        }
        ctx.audit("backend", backend.name());
        ctx.audit("runs", runs);
        ctx.audit("digitalSourceType", GenerationRecord.TRAINED_ALGORITHMIC_MEDIA);
        ctx.audit("images", audited);
        return outputs;
    }

    private static GenerationResult run(GenerationBackend backend, GenerationRequest request, StepContext ctx,
                                        java.util.function.BiConsumer<Integer, Integer> progress) throws StepException {
        try {
            return backend.generate(request, new GenerationListener() {
                @Override
                public void step(int done, int total) {
                    progress.accept(done, total);
                }

                @Override
                public boolean cancelled() {
                    return ctx.cancelled();
                }
            });
        } catch (CancellationException e) {
            throw new StepCancelledException(ctx.step());
        } catch (GenerationException | SchedulerConfigException e) {
            throw new StepException(e.getMessage(), e);
        }
    }

    private static GenerationRequest request(Part input, GenerateParams params, StepContext ctx) throws StepException {
        boolean image = input.mediaType().toLowerCase(Locale.ROOT).startsWith("image/");
        String prompt = params.prompt() == null ? "" : params.prompt();
        BufferedImage initImage = null;
        try {
            if (image) {
                if (prompt.isBlank()) {
                    throw new StepException("img2img from '" + label(input) + "' needs the parameter prompt");
                }
                initImage = ImageDecoder.decodeFirst(ctx.localFile(input), ctx.imageLimits());
            } else if (prompt.isBlank()) {
                prompt = readPrompt(input, ctx);
            }
        } catch (IOException e) {
            throw ctx.failure("cannot read '" + label(input) + "'", e);
        }
        try {
            return new GenerationRequest(prompt, params.negativePrompt(), params.seed(), params.width(),
                    params.height(), params.steps(), params.guidance(), params.batch(), params.scheduler(),
                    params.strength(), initImage, params.model());
        } catch (IllegalArgumentException e) {
            throw new StepException(e.getMessage(), e);
        }
    }

    private static String readPrompt(Part input, StepContext ctx) throws IOException, StepException {
        byte[] bytes;
        try (InputStream in = ctx.open(input)) {
            bytes = in.readNBytes(MAX_PROMPT_BYTES + 1);
        }
        if (bytes.length > MAX_PROMPT_BYTES) {
            throw new StepException("prompt text '" + label(input) + "' is longer than " + MAX_PROMPT_BYTES + " bytes");
        }
        String prompt = new String(bytes, StandardCharsets.UTF_8).strip();
        if (prompt.isEmpty()) {
            throw new StepException("prompt text '" + label(input) + "' is empty; write the prompt in it or set the"
                    + " parameter prompt");
        }
        return prompt;
    }

    private static Part write(BufferedImage image, GenerationRecord record, Part input, StepContext ctx)
            throws StepException {
        String base = input.name() != null && !input.name().isBlank() ? MediaTypes.baseName(input.name()) : "generated";
        String name = base + "-s" + record.seed() + "-" + (record.batchIndex() + 1) + ".png";
        Map<String, Object> metadata = new LinkedHashMap<>(record.asMap());
        metadata.put("width", image.getWidth());
        metadata.put("height", image.getHeight());
        metadata.put("source", input.id());
        byte[] xmp = GeneratedImageXmp.of(record);
        try {
            return ctx.newPart(name, ImageFormat.PNG.mediaType(), metadata, out -> PngWithXmp.write(image, xmp, out));
        } catch (IOException e) {
            throw ctx.failure("cannot write '" + name + "'", e);
        }
    }

    /** Closes the backends that hold resources (the onnx backend's loaded models). */
    @Override
    public void close() {
        GenerationBackend.closeAll(backends.values());
    }

    private static String label(Part part) {
        return part.name() != null ? part.name() : part.id();
    }
}
