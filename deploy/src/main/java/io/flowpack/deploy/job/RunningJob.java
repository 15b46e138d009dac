package io.flowpack.deploy.job;

/**
 * A job a worker is running: its cancel and stop requests, and the thread to interrupt while the job is inside its
 * route. The thread is interrupted only there, never while it writes to the database.
 */
final class RunningJob {
    private final String id;
    private volatile boolean cancelled;
    private volatile boolean stopping;
    private Thread routeThread;

    RunningJob(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** True once the job was cancelled or the server is stopping; what the route's steps see. */
    boolean stopRequested() {
        return cancelled || stopping;
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean stopping() {
        return stopping;
    }

    /** Cancels on request (DELETE): the job ends CANCELLED. */
    synchronized void cancel() {
        cancelled = true;
        interruptRoute();
    }

    /** Stops for shutdown: the job goes back to the queue and runs again after the restart. */
    synchronized void stop() {
        stopping = true;
        interruptRoute();
    }

    synchronized void enterRoute() {
        routeThread = Thread.currentThread();
        if (stopRequested()) {
            interruptRoute();
        }
    }

    /** Leaves the route and clears any interrupt that was meant for it. */
    synchronized void leaveRoute() {
        routeThread = null;
        Thread.interrupted();
    }

    private void interruptRoute() {
        if (routeThread != null) {
            routeThread.interrupt();
        }
    }
}
