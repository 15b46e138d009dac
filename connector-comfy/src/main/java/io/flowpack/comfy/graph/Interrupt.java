package io.flowpack.comfy.graph;

/** ComfyUI's interrupt flag: set by {@code /interrupt}, checked between nodes, list items and by the nodes. */
public final class Interrupt {

    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public void reset() {
        requested = false;
    }

    public boolean requested() {
        return requested;
    }
}
