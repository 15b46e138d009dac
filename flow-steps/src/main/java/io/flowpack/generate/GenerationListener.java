package io.flowpack.generate;

/** Progress and cancellation of one generation. */
public interface GenerationListener {
    GenerationListener NONE = new GenerationListener() {
        @Override
        public void step(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Called after each denoising step: {@code done} of {@code total} steps are finished. */
    void step(int done, int total);

    /** Polled before each step; true stops the generation with a {@link java.util.concurrent.CancellationException}. */
    boolean cancelled();
}
