package io.flowpack.deploy.job;

import io.flowpack.step.StepException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonTest {

    @Test
    void stepReasonIsFoundInsideCamelWrappers() {
        StepException step = new StepException("cannot upscale 'a.jpg': image data is truncated",
                new IOException("premature end"));
        Throwable wrapped = new CamelExecutionException("Exception occurred during execution", null,
                new RuntimeCamelException(step));

        assertThat(FailureReason.of(wrapped)).isEqualTo("cannot upscale 'a.jpg': image data is truncated");
    }

    @Test
    void withoutAStepExceptionTheInnermostMeaningfulMessageIsUsed() {
        Throwable wrapped = new RuntimeCamelException(new IllegalStateException("disk full"));

        assertThat(FailureReason.of(wrapped)).isEqualTo("disk full");
        assertThat(FailureReason.of(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(FailureReason.of(null)).isEqualTo("unknown failure");
    }
}
