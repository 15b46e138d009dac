package io.flowpack.comfy.node;

/** Thrown by {@link NodeContext#checkInterrupted()}; the runner answers with {@code execution_interrupted}. */
public class NodeInterruptedException extends NodeException {

    public NodeInterruptedException() {
        super("Processing interrupted", null, "InterruptProcessingException");
    }
}
