package io.flowpack.deploy.job;

import io.flowpack.step.ParameterException;
import io.flowpack.step.StepException;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.TypeConversionException;

/** The meaningful message of a route failure: the step's reason, not the Camel wrappers around it. */
final class FailureReason {
    private static final int MAX_DEPTH = 32;

    private FailureReason() {
    }

    static String of(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        Throwable cause = error;
        for (int i = 0; cause != null && i < MAX_DEPTH; i++, cause = cause.getCause()) {
            if (cause instanceof StepException || cause instanceof ParameterException) {
                return message(cause);
            }
        }
        cause = error;
        for (int i = 0; cause.getCause() != null && i < MAX_DEPTH && isWrapper(cause); i++) {
            cause = cause.getCause();
        }
        return message(cause);
    }

    private static boolean isWrapper(Throwable t) {
        return t.getMessage() == null || t instanceof RuntimeCamelException || t instanceof CamelExchangeException
                || t instanceof TypeConversionException || t instanceof InvalidPayloadException
                || t instanceof java.util.concurrent.ExecutionException;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
