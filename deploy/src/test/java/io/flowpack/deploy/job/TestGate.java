package io.flowpack.deploy.job;

import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepContext;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Holds the {@code gate} step until a test opens it, so a running job stays running as long as a test needs. */
public final class TestGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition opened = lock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    private boolean open;

    public TestGate(boolean open) {
        this.open = open;
    }

    public void open() {
        lock.lock();
        try {
            open = true;
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many steps wait at the gate now. */
    public int waiting() {
        return waiting.get();
    }

    /** Returns once the gate is open; throws as soon as the job is cancelled or the thread interrupted. */
    void pass(StepContext ctx) throws StepCancelledException {
        lock.lock();
        waiting.incrementAndGet();
        try {
            while (!open) {
                ctx.checkCancelled();
                try {
                    opened.await(20, TimeUnit.MILLISECONDS); // wakes to look at the job's cancel flag
                } catch (InterruptedException e) {
                    throw new StepCancelledException(ctx.step());
                }
            }
        } finally {
            waiting.decrementAndGet();
            lock.unlock();
        }
    }
}
