package io.flowpack.comfy.nodes;

import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeInterruptedException;

import java.util.function.BooleanSupplier;

/** A node's interruption as the "cancelled?" question flowpack's steps and models ask between units of work. */
public final class Interruption {

    private Interruption() {
    }

    public static BooleanSupplier of(NodeContext context) {
        return () -> {
            try {
                context.checkInterrupted();
                return false;
            } catch (NodeInterruptedException e) {
                return true;
            }
        };
    }
}
