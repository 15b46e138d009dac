package io.flowpack.comfy.client;

/** Receives the progress of a running prompt; called on the client's WebSocket thread, so it must be quick. */
@FunctionalInterface
public interface ComfyProgress {
    ComfyProgress NONE = update -> { };

    void update(Update update);

    /**
     * @param promptId   the prompt
     * @param node       the node running now, null before the first and after the last
     * @param classType  that node's class, null when unknown
     * @param value      the node's own progress ({@code progress.value}), 0 when it reports none
     * @param max        its maximum ({@code progress.max}), 1 when it reports none
     * @param nodesDone  nodes finished or cached so far
     * @param nodesTotal nodes in the workflow
     */
    record Update(String promptId, String node, String classType, long value, long max, int nodesDone, int nodesTotal) {

        /** The whole prompt's progress in [0, 1]: finished nodes plus the running node's share. */
        public double fraction() {
            if (nodesTotal <= 0) {
                return 0;
            }
            double running = max > 0 ? Math.min(1.0, (double) value / max) : 0;
            return Math.max(0, Math.min(1, (nodesDone + (node == null ? 0 : running)) / nodesTotal));
        }
    }
}
