package io.flowpack.camel;

/** Names of the exchange headers and properties the {@code flow:} component reads and sets. */
public final class FlowHeaders {
    /** Header: extra step parameters for this message (a {@code Map}); {@code name} or {@code step.name} keys. */
    public static final String PARAMS = "FlowpackParams";
    /** Property: a {@link io.flowpack.step.ProgressListener} receiving per-step progress. */
    public static final String PROGRESS = "FlowpackProgress";
    /** Property: a {@link java.util.function.BooleanSupplier} answering true once the work is cancelled. */
    public static final String CANCELLED = "FlowpackCancelled";
    /** Property: the name of the step that failed, set when a flow step throws. */
    public static final String FAILED_STEP = "FlowpackFailedStep";

    private FlowHeaders() {
    }
}
