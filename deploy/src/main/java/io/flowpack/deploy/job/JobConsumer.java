package io.flowpack.deploy.job;

import io.flowpack.camel.RouteSteps;
import io.flowpack.camel.FlowEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import java.util.List;

/**
 * A started route that serves a job template: registered with {@link JobTemplates} while started, so workers
 * send the template's jobs through {@link #getProcessor()} and submissions are checked against its steps.
 */
public class JobConsumer extends DefaultConsumer {

    JobConsumer(JobEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public JobEndpoint getEndpoint() {
        return (JobEndpoint) super.getEndpoint();
    }

    public String template() {
        return getEndpoint().getTemplate();
    }

    /** The {@code flow:} steps of this consumer's route, in route order. */
    public List<FlowEndpoint> steps() {
        return RouteSteps.flowEndpoints(getRoute());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().getComponent().templates().register(this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().templates().unregister(this);
        super.doStop();
    }
}
