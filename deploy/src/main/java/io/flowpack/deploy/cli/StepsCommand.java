package io.flowpack.deploy.cli;

import io.flowpack.document.DocumentJson;
import io.flowpack.engine.StepRegistry;
import io.flowpack.engine.UnknownStepException;
import io.flowpack.step.StepDescriptors;


/** {@code flowpack steps [name]}: the step descriptors as JSON. */
public final class StepsCommand {

    private StepsCommand() {
    }

    public static int execute(String[] args) {
        StepRegistry registry = StepRegistry.discover();
        try {
            Object out = args.length == 0
                    ? registry.all().stream().map(s -> StepDescriptors.toMap(s.descriptor())).toList()
                    : StepDescriptors.toMap(registry.require(args[0]).descriptor());
            System.out.println(DocumentJson.mapper().writeValueAsString(out));
            return 0;
        } catch (UnknownStepException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

}
