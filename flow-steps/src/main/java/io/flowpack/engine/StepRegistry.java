package io.flowpack.engine;

import io.flowpack.step.Step;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The steps known by name: those found with {@link ServiceLoader} plus any registered (e.g. Spring beans). */
public final class StepRegistry {
    private final Map<String, Step> steps = new ConcurrentSkipListMap<>();

    /** A registry holding every step on the class path's {@code META-INF/services/io.flowpack.step.Step}. */
    public static StepRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    public static StepRegistry discover(ClassLoader loader) {
        StepRegistry registry = new StepRegistry();
        for (Step step : ServiceLoader.load(Step.class, loader)) {
            registry.register(step);
        }
        return registry;
    }

    /** Adds a step; a later registration of the same name replaces the earlier one (a bean overrides the default). */
    public StepRegistry register(Step step) {
        steps.put(step.descriptor().name(), step);
        return this;
    }

    public Optional<Step> find(String name) {
        return Optional.ofNullable(steps.get(name));
    }

    public Step require(String name) {
        Step step = steps.get(name);
        if (step == null) {
            throw new UnknownStepException("unknown step '" + name + "'; known: " + String.join(", ", names()));
        }
        return step;
    }

    public List<String> names() {
        return List.copyOf(new TreeMap<>(steps).keySet());
    }

    public Collection<Step> all() {
        return List.copyOf(steps.values());
    }
}
