package io.flowpack.generate;

/**
 * Makes images from a {@link GenerationRequest}. {@code onnx} (a Stable Diffusion pipeline on ONNX Runtime,
 * {@link io.flowpack.generate.onnx.OnnxGenerationBackend}) is built in; {@code comfy} (a workflow on a ComfyUI
 * server) is provided by the connector module and handed to {@link GenerateStep}'s constructor.
 */
public interface GenerationBackend {

    /** The value of the step's {@code backend} parameter that selects this backend, e.g. {@code onnx}. */
    String name();

    /**
     * @throws GenerationException with a reason a user can act on
     * @throws java.util.concurrent.CancellationException when the listener asked to stop
     */
    GenerationResult generate(GenerationRequest request, GenerationListener listener);

    /**
     * One frame of a prompt schedule, conditioned as FizzNodes does: {@code weight·enc(current) +
     * (1 − weight)·enc(next)} for the positive and the negative prompts; the request's own prompts are not used.
     * Backends that cannot blend prompt encodings refuse it.
     *
     * @throws GenerationException when this backend cannot blend
     */
    default GenerationResult generateFrame(GenerationRequest request, io.flowpack.schedule.FramePrompt frame,
                                           GenerationListener listener) {
        throw new GenerationException("the " + name() + " backend cannot blend scheduled prompts frame by frame; "
                + "run the whole schedule as one workflow instead");
    }

    /** Closes the backends that hold resources (the onnx backend's loaded models). */
    static void closeAll(Iterable<? extends GenerationBackend> backends) {
        for (GenerationBackend backend : backends) {
            if (backend instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing generation backend " + backend.name(), e);
                }
            }
        }
    }
}
