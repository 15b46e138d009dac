package io.flowpack.camel;

import io.flowpack.document.Document;
import io.flowpack.engine.RunOptions;
import io.flowpack.step.ProgressListener;
import io.flowpack.step.StepException;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** Converts the body to a {@link Document}, runs the endpoint's step on it and leaves the document as the body. */
class FlowProducer extends DefaultProducer {
    private final FlowEndpoint endpoint;

    FlowProducer(FlowEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Document document = exchange.getIn().getMandatoryBody(Document.class);
        String stepName = endpoint.implementation().descriptor().name();
        FlowComponent component = endpoint.getComponent();
        RunOptions options = new RunOptions(
                exchange.getProperty(FlowHeaders.PROGRESS, ProgressListener.class),
                exchange.getProperty(FlowHeaders.CANCELLED, BooleanSupplier.class),
                component.imageLimits());
        try {
            component.engine().run(document, endpoint.implementation(), parameters(exchange), options);
        } catch (StepException | IllegalArgumentException e) {
            exchange.setProperty(FlowHeaders.FAILED_STEP, stepName);
            throw e;
        } finally {
            exchange.getIn().setBody(document);
        }
    }

    /** The URI's parameters, overridden by message parameters this step declares ({@code name} or {@code step.name}). */
    private Map<String, Object> parameters(Exchange exchange) {
        Map<?, ?> fromMessage = exchange.getIn().getHeader(FlowHeaders.PARAMS, Map.class);
        if (fromMessage == null || !endpoint.isAcceptMessageParams()) {
            return endpoint.getStepParameters();
        }
        return MessageParameters.merged(endpoint, fromMessage);
    }
}
