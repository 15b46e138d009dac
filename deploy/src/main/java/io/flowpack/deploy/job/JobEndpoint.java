package io.flowpack.deploy.job;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Receives the documents of jobs submitted for one template, e.g. {@code job:upscale-2x?maxFiles=20}. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "job", title = "flowpack job", syntax = "job:template",
        consumerOnly = true, remote = false, category = {Category.WORKFLOW})
public class JobEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of the template clients submit jobs for (the template field of POST /api/jobs)")
    @Metadata(required = true)
    private String template;

    @UriParam(defaultValue = "100", description = "Largest number of files one job for this template may carry")
    private int maxFiles = 100;

    JobEndpoint(String uri, JobComponent component, String template) {
        super(uri, component);
        this.template = template;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("job: only receives jobs; submit them with POST /api/jobs");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JobConsumer consumer = new JobConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public JobComponent getComponent() {
        return (JobComponent) super.getComponent();
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public int getMaxFiles() {
        return maxFiles;
    }

    public void setMaxFiles(int maxFiles) {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be at least 1, got " + maxFiles);
        }
        this.maxFiles = maxFiles;
    }
}
