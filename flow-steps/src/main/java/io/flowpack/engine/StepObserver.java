package io.flowpack.engine;

/** Told about every finished step run (for metrics); must be quick and must not throw. */
@FunctionalInterface
public interface StepObserver {
    void finished(AuditEntry entry);
}
