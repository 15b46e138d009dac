package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationBackend;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.GenerationResult;
import io.flowpack.model.ModelRegistry;
import io.flowpack.schedule.FramePrompt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code onnx} generation backend: {@link StableDiffusion} on the diffusers ONNX folder the request's
 * {@code model} names ({@link DiffusersModels}). The model hash is the UNet's; every component's hash goes to the
 * details.
 */
public final class OnnxGenerationBackend implements GenerationBackend, AutoCloseable {
    public static final String NAME = "onnx";

    private final DiffusersModels models;

    public OnnxGenerationBackend(ModelRegistry registry, int threads) {
        this.models = new DiffusersModels(registry, threads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationListener listener) {
        DiffusersPipeline pipeline = models.pipeline(request.model());
        return result(request, pipeline, StableDiffusion.generate(pipeline, request, listener));
    }

    @Override
    public GenerationResult generateFrame(GenerationRequest request, FramePrompt frame, GenerationListener listener) {
        DiffusersPipeline pipeline = models.pipeline(request.model());
        GenerationResult result = result(request, pipeline,
                StableDiffusion.generate(pipeline, request, listener, Conditioning.of(pipeline, frame)));
        Map<String, Object> details = new LinkedHashMap<>(result.details());
        details.put("frame", frame.frame());
        details.put("frameWeight", frame.weight());
        return new GenerationResult(result.images(), result.model(), result.modelHash(), details);
    }

    private static GenerationResult result(GenerationRequest request, DiffusersPipeline pipeline,
                                           StableDiffusion.Output output) {
        Map<String, Object> details = new LinkedHashMap<>(output.details());
        details.put("modelFolder", pipeline.folder().root().toString());
        details.put("componentSha256", pipeline.componentHashes());
        return new GenerationResult(output.images(), request.model(), pipeline.modelHash(), details);
    }

    @Override
    public void close() {
        models.close();
    }
}
