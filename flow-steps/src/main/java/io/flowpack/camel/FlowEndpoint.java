package io.flowpack.camel;

import io.flowpack.step.Step;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.util.Map;

/**
 * Runs one flowpack step. Every URI option other than those below is a parameter of the step, e.g.
 * {@code flow:upscale?factor=4}; see the step's descriptor for the list.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "flow", title = "flowpack step", syntax = "flow:step",
        producerOnly = true, remote = false, category = {Category.TRANSFORMATION}, lenientProperties = true)
public class FlowEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of the step to run, e.g. convert, upscale, pdf-render")
    @Metadata(required = true)
    private String step;

    @UriParam(label = "advanced", defaultValue = "true",
            description = "Whether step parameters in the FlowpackParams header (from a job) override the URI's")
    private boolean acceptMessageParams = true;

    private final Step implementation;
    private Map<String, Object> stepParameters = Map.of();

    FlowEndpoint(String uri, FlowComponent component, Step implementation) {
        super(uri, component);
        this.implementation = implementation;
        this.step = implementation.descriptor().name();
    }

    @Override
    public Producer createProducer() {
        return new FlowProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("flow: endpoints only run steps; use file:, job: or another consumer");
    }

    @Override
    public FlowComponent getComponent() {
        return (FlowComponent) super.getComponent();
    }

    @Override
    public boolean isLenientProperties() {
        return true;
    }

    public Step implementation() {
        return implementation;
    }

    public Map<String, Object> getStepParameters() {
        return stepParameters;
    }

    void setStepParameters(Map<String, Object> stepParameters) {
        this.stepParameters = Map.copyOf(stepParameters);
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public boolean isAcceptMessageParams() {
        return acceptMessageParams;
    }

    public void setAcceptMessageParams(boolean acceptMessageParams) {
        this.acceptMessageParams = acceptMessageParams;
    }
}
