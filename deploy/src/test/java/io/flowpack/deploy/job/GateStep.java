package io.flowpack.deploy.job;

import io.flowpack.document.Part;
import io.flowpack.step.Param;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code flow:gate}: reports progress, waits at the {@link TestGate}, then passes its images on unchanged. */
public final class GateStep implements Step {
    static final String NAME = "gate";

    public record Params(@Param(description = "Progress message while waiting", defaultValue = "waiting at the gate")
                  String message) {
    }

    private final TestGate gate;

    GateStep(TestGate gate) {
        this.gate = gate;
    }

    @Override
    public StepDescriptor descriptor() {
        return new StepDescriptor(NAME, "Waits until the test opens the gate", Set.of("image/*"), Set.of("image/*"),
                Params.class);
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        ctx.progress(0.5, ctx.params(Params.class).message());
        gate.pass(ctx);
        return inputs.stream().map(p -> Part.base(p.mediaType(), p.name(), p.blob(), Map.of())).toList();
    }
}
