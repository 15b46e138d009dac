package io.flowpack.deploy.job;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The {@code job:} component: {@code from: job:upscale-2x} makes a route serve the jobs submitted over REST for
 * template {@code upscale-2x}. Registered as the Spring bean {@code job}.
 */
public class JobComponent extends DefaultComponent {
    private final JobTemplates templates;

    public JobComponent(JobTemplates templates) {
        this.templates = templates;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("job: needs a template name, e.g. job:upscale-2x");
        }
        JobEndpoint endpoint = new JobEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    JobTemplates templates() {
        return templates;
    }
}
