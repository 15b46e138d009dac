package io.flowpack.comfy.node;

/**
 * A node failed; the runner reports it as {@code execution_error} with the node id, class type and this message
 * ({@code exception_type} is this class's simple name unless {@link #exceptionType()} says otherwise).
 */
public class NodeException extends Exception {

    private final String exceptionType;

    public NodeException(String message) {
        this(message, null, null);
    }

    public NodeException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public NodeException(String message, Throwable cause, String exceptionType) {
        super(message, cause);
        this.exceptionType = exceptionType;
    }

    /** The Python-style type name reported to clients, e.g. {@code ValueError}. */
    public String exceptionType() {
        return exceptionType != null ? exceptionType : getClass().getSimpleName();
    }
}
