package io.flowpack.generate.context;

/**
 * How AnimateDiff-Evolved places its context windows over the frames (its {@code context_schedule}s of the
 * "Context Options" nodes).
 */
public enum ContextSchedule {
    /** {@code looped_uniform}: uniform windows whose last ones wrap around to the first frames. */
    LOOPED_UNIFORM,
    /** {@code standard_uniform}: uniform windows; a window that would wrap is slid back to end at the last frame. */
    STANDARD_UNIFORM,
    /** {@code standard_static}: the same windows every step, {@code length − overlap} apart, the last one flush. */
    STANDARD_STATIC
}
