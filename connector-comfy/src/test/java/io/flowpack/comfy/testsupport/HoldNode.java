package io.flowpack.comfy.testsupport;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;

import java.util.List;
import java.util.Map;

/**
 * A node for tests that need a prompt to be running for a while: passes its image through after {@code millis},
 * reporting progress every 20 ms and honouring interrupts like a long ComfyUI node; {@code fail=true} makes it throw.
 */
public final class HoldNode implements ComfyNode {
    public static final String CLASS = "TestHold";

    @Override
    public NodeDefinition definition() {
        return new NodeDefinition(CLASS, "Hold (test)", "testing", "Passes the image through after a while",
                List.of(InputSpec.link("image", "IMAGE"),
                        InputSpec.widget("millis", "INT", Map.of("default", 1000, "min", 0, "max", 600_000))),
                List.of(InputSpec.widget("fail", "BOOLEAN", Map.of("default", false))),
                List.of(OutputSpec.of("IMAGE")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        long millis = ((Number) inputs.get("millis")).longValue();
        long steps = Math.max(1, millis / 20);
        for (long i = 1; i <= steps; i++) {
            SimulatedWork.work(context, millis / steps);
            context.progress(i, steps);
        }
        if (Boolean.TRUE.equals(inputs.get("fail"))) {
            throw new NodeException("held and failed on purpose");
        }
        return NodeOutput.of((ImageBatch) inputs.get("image"));
    }
}
