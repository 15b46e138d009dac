package io.flowpack.comfy.testsupport;

import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInterruptedException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

/**
 * A test node's stand-in for slow work: it "works" for a given time, which ends at once when the prompt is
 * interrupted ({@code /interrupt}) or the worker thread is (the runner stopping). Waits on that condition, polling
 * every 5 ms, instead of sleeping blindly.
 */
public final class SimulatedWork {
    private static final Duration POLL = Duration.ofMillis(5);

    private SimulatedWork() {
    }

    /**
     * Returns after {@code millis} of work.
     *
     * @throws NodeInterruptedException when the prompt is interrupted meanwhile
     * @throws NodeException            when the worker thread is interrupted meanwhile
     */
    public static void work(NodeContext context, long millis) throws NodeException {
        context.checkInterrupted();
        if (millis <= 0) {
            return;
        }
        try {
            Awaitility.await("an interrupt during " + millis + " ms of simulated work").pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(POLL).atMost(Duration.ofMillis(millis))
                    .until(() -> interrupted(context));
        } catch (ConditionTimeoutException e) {
            return; // the work is done: nobody interrupted it
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new NodeException("interrupted");
        }
        context.checkInterrupted();
    }

    private static boolean interrupted(NodeContext context) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        try {
            context.checkInterrupted();
            return false;
        } catch (NodeInterruptedException e) {
            return true;
        }
    }
}
