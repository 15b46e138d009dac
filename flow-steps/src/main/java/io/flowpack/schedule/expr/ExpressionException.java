package io.flowpack.schedule.expr;

/** An expression that cannot be read or evaluated; {@link #offset()} is the character it failed at (0-based). */
public final class ExpressionException extends RuntimeException {
    private final int offset;
    private final String reason;

    public ExpressionException(String reason, int offset) {
        super(reason + " at character " + (offset + 1));
        this.reason = reason;
        this.offset = offset;
    }

    /** Index into the expression text of the offending character. */
    public int offset() {
        return offset;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }
}
