package io.flowpack.comfy.template;

/** A workflow template is malformed, cannot be found, or a parameter cannot be bound into it. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
