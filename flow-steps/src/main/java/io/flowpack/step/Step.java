package io.flowpack.step;

import io.flowpack.document.Part;

import java.util.List;

/**
 * A processing step: one small interface, after Apache Tika's {@code Parser} and jadice flow's worker contract.
 * The engine selects the inputs by media type, binds the parameters, marks the inputs {@code META} afterwards
 * and records timings and errors; the step only turns input parts into output parts.
 * Implementations are found through {@link java.util.ServiceLoader} ({@code META-INF/services/io.flowpack.step.Step})
 * and as Spring beans.
 */
public interface Step {

    StepDescriptor descriptor();

    List<Part> process(List<Part> inputs, StepContext ctx) throws StepException;
}
