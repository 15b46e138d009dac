package io.flowpack.deploy.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The job templates being served: filled when {@link JobConsumer}s start, emptied when they stop. */
public class JobTemplates {
    private final Map<String, JobConsumer> consumers = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void register(JobConsumer consumer) {
        JobConsumer previous = consumers.putIfAbsent(consumer.template(), consumer);
        if (previous != null && previous != consumer) {
            throw new IllegalStateException("job template '" + consumer.template() + "' is already served by route '"
                    + previous.getRouteId() + "'; route '" + consumer.getRouteId() + "' cannot serve it too");
        }
        listeners.forEach(Runnable::run);
    }

    void unregister(JobConsumer consumer) {
        if (consumers.remove(consumer.template(), consumer)) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Calls {@code listener} whenever a template appears or goes. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Optional<JobConsumer> find(String template) {
        return Optional.ofNullable(consumers.get(template));
    }

    public Set<String> names() {
        return new TreeSet<>(consumers.keySet());
    }
}
