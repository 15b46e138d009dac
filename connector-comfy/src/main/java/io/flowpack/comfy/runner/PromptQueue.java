package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * ComfyUI's {@code PromptQueue}: pending prompts by priority, the running one, and the history. Every change calls
 * the change listener (a {@code status} broadcast).
 */
final class PromptQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final PriorityQueue<QueueItem> pending = new PriorityQueue<>();
    private final History history;
    private final Runnable changed;
    private QueueItem running;
    private long counter;

    PromptQueue(int maxHistory, Runnable changed) {
        this.history = new History(maxHistory);
        this.changed = changed;
    }

    /** The next automatic priority (ComfyUI's {@code server.number}). */
    long nextNumber() {
        lock.lock();
        try {
            return counter++;
        } finally {
            lock.unlock();
        }
    }

    void put(QueueItem item) {
        lock.lock();
        try {
            pending.add(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        changed.run();
    }

    /** Waits for the next prompt and marks it running; null when the wait timed out. */
    QueueItem take(long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (pending.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            running = pending.poll();
        } finally {
            lock.unlock();
        }
        changed.run();
        return running;
    }

    /** Moves the running prompt into the history. */
    void finish(QueueItem item, ObjectNode historyEntry) {
        lock.lock();
        try {
            history.add(item.promptId(), historyEntry);
            if (running == item) {
                running = null;
            }
        } finally {
            lock.unlock();
        }
        changed.run();
    }

    int remaining() {
        lock.lock();
        try {
            return pending.size() + (running != null ? 1 : 0);
        } finally {
            lock.unlock();
        }
    }

    QueueItem running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    List<QueueItem> pending() {
        lock.lock();
        try {
            return new ArrayList<>(pending);
        } finally {
            lock.unlock();
        }
    }

    /** Whether an id is queued, running or in the history. */
    boolean known(String promptId) {
        lock.lock();
        try {
            return history.contains(promptId) || (running != null && running.promptId().equals(promptId))
                    || pending.stream().anyMatch(i -> i.promptId().equals(promptId));
        } finally {
            lock.unlock();
        }
    }

    void clearPending() {
        lock.lock();
        try {
            pending.clear();
        } finally {
            lock.unlock();
        }
        changed.run();
    }

    /** Removes pending prompts; running ones are untouched. Returns whether any was removed. */
    boolean deletePending(Collection<String> promptIds) {
        boolean removed;
        lock.lock();
        try {
            removed = pending.removeIf(i -> promptIds.contains(i.promptId()));
        } finally {
            lock.unlock();
        }
        if (removed) {
            changed.run();
        }
        return removed;
    }

    ObjectNode historyEntry(String promptId) {
        lock.lock();
        try {
            ObjectNode entry = history.get(promptId);
            return entry == null ? null : entry.deepCopy();
        } finally {
            lock.unlock();
        }
    }

    Map<String, ObjectNode> historyPage(Integer maxItems, int offset) {
        lock.lock();
        try {
            return history.page(maxItems, offset);
        } finally {
            lock.unlock();
        }
    }

    List<ObjectNode> historyEntries() {
        lock.lock();
        try {
            return history.all();
        } finally {
            lock.unlock();
        }
    }

    void clearHistory() {
        lock.lock();
        try {
            history.clear();
        } finally {
            lock.unlock();
        }
    }

    void deleteHistory(Collection<String> promptIds) {
        lock.lock();
        try {
            promptIds.forEach(history::delete);
        } finally {
            lock.unlock();
        }
    }
}
