package io.flowpack.generate.scheduler;

/** A scheduler name or {@code scheduler_config.json} value flowpack cannot use; the message says which and why. */
public final class SchedulerConfigException extends IllegalArgumentException {
    public SchedulerConfigException(String message) {
        super(message);
    }

    public SchedulerConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
