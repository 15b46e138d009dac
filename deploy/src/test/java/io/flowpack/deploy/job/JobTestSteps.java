package io.flowpack.deploy.job;

import io.flowpack.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The test-only {@code gate} step as Spring beans (the step registry takes Step beans). A plain class, imported by
 * the tests, so component scanning never adds it to another test's application.
 */
public class JobTestSteps {

    @Bean
    public TestGate testGate(@Value("${job-test.gate-open:false}") boolean open) {
        return new TestGate(open);
    }

    @Bean
    public Step gateStep(TestGate gate) {
        return new GateStep(gate);
    }
}
