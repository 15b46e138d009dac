package io.flowpack.schedule;

/** A schedule that cannot be read or evaluated, with the line and column (1-based) of the offending character. */
public final class ScheduleException extends IllegalArgumentException {
    private final int line;
    private final int column;

    public ScheduleException(String reason, int line, int column) {
        super(line > 0 ? "schedule line " + line + ", column " + column + ": " + reason : "schedule: " + reason);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the offending character; 0 when the problem has no single place (e.g. an empty schedule). */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
