package io.flowpack.comfy.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs one ComfyUI workflow template on a ComfyUI server. Every URI option other than those below is a workflow
 * parameter {@code <node>.<input>=<value>}, the node named by id or title, e.g.
 * {@code comfy:txt2img?server=studio&sampler.seed=42}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "comfy", title = "ComfyUI workflow", syntax = "comfy:template",
        producerOnly = true, remote = true, category = {Category.TRANSFORMATION}, lenientProperties = true)
public class ComfyEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of the workflow template: <name>.json in the templates folder")
    @Metadata(required = true)
    private String template;

    @UriParam(description = "The ComfyUI server: a name configured under flowpack.comfy.servers, or an http(s) URL")
    @Metadata(required = true)
    private String server;

    @UriParam(description = "LoadImage nodes that receive the document's images, by id or title, comma-separated, in"
            + " the order of the images; default every LoadImage node in id order. With one such node and several"
            + " images, the workflow runs once per image")
    private String loadImage;

    @UriParam(description = "Output nodes whose images become parts, by id or title, comma-separated; default all")
    private String outputNodes;

    @UriParam(label = "advanced", defaultValue = "true",
            description = "Whether workflow parameters in the ComfyParams header override the URI's")
    private boolean acceptMessageParams = true;

    private Map<String, Object> workflowParameters = Map.of();

    ComfyEndpoint(String uri, ComfyComponent component, String template) {
        super(uri, component);
        this.template = template;
    }

    @Override
    public Producer createProducer() {
        return new ComfyProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("comfy: endpoints only run workflows; use file:, job: or another consumer");
    }

    @Override
    public ComfyComponent getComponent() {
        return (ComfyComponent) super.getComponent();
    }

    @Override
    public boolean isLenientProperties() {
        return true;
    }

    /** The workflow parameters of the URI. */
    public Map<String, Object> getWorkflowParameters() {
        return workflowParameters;
    }

    void setWorkflowParameters(Map<String, Object> parameters) {
        this.workflowParameters = Map.copyOf(parameters);
    }

    List<String> loadImageRefs() {
        return split(loadImage);
    }

    List<String> outputNodeRefs() {
        return split(outputNodes);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getLoadImage() {
        return loadImage;
    }

    public void setLoadImage(String loadImage) {
        this.loadImage = loadImage;
    }

    public String getOutputNodes() {
        return outputNodes;
    }

    public void setOutputNodes(String outputNodes) {
        this.outputNodes = outputNodes;
    }

    public boolean isAcceptMessageParams() {
        return acceptMessageParams;
    }

    public void setAcceptMessageParams(boolean acceptMessageParams) {
        this.acceptMessageParams = acceptMessageParams;
    }
}
