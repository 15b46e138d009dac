package io.flowpack.testsupport;

import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.step.Param;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A text step for testing the engine and the Camel component without images: upper-cases text, fails on "FAIL". */
public final class UpperCaseStep implements Step {

    public record Params(@Param(description = "name suffix", defaultValue = "upper") String suffix,
                         @Param(description = "repeat count", defaultValue = "1", min = 1, max = 3) int repeat) {
    }

    @Override
    public StepDescriptor descriptor() {
        return new StepDescriptor("upper", "upper-cases text", Set.of("text/plain"), Set.of("text/plain"), Params.class);
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        Params params = ctx.params(Params.class);
        List<Part> outputs = new ArrayList<>();
        for (Part input : inputs) {
            try (InputStream in = ctx.open(input)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains("FAIL")) {
                    throw new StepException("text of '" + input.name() + "' asks to fail");
                }
                String upper = text.toUpperCase(Locale.ROOT).repeat(params.repeat());
                outputs.add(ctx.newPart(MediaTypes.baseName(input.name()) + "-" + params.suffix() + ".txt", "text/plain",
                        Map.of("source", input.id()), out -> out.write(upper.getBytes(StandardCharsets.UTF_8))));
                ctx.audit("characters", upper.length());
            } catch (IOException e) {
                throw ctx.failure("cannot read " + input.name(), e);
            }
        }
        return outputs;
    }
}
