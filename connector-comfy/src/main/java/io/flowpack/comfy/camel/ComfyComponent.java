package io.flowpack.comfy.camel;

import io.flowpack.camel.FlowComponent;
import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.comfy.template.WorkflowBinder;
import io.flowpack.comfy.template.WorkflowTemplate;
import io.flowpack.document.BlobStore;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code comfy:<template>?server=<name>&<node>.<input>=<value>} component: runs a ComfyUI workflow template on the
 * message's {@link io.flowpack.document.Document}. URI options that are not endpoint options are workflow parameters,
 * checked against the template when the route starts.
 */
@Component("comfy")
public class ComfyComponent extends DefaultComponent {

    @Metadata(description = "Folder of workflow templates (<name>.json in ComfyUI's API format)",
            defaultValue = "./comfy-templates")
    private String templatesDir = "./comfy-templates";

    private ComfyClients clients;
    private TemplateFolder templates;
    private BlobStore blobs;
    private boolean ownsClients;
    private boolean templatesSet;

    public ComfyComponent() {
    }

    /** @param blobs where part content lives; null takes the {@code flow} component's store */
    public ComfyComponent(ComfyClients clients, TemplateFolder templates, BlobStore blobs) {
        this.clients = clients;
        this.templates = templates;
        this.blobs = blobs;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ComfyEndpoint endpoint = new ComfyEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters); // takes the endpoint's own options out of the map
        Map<String, Object> workflowParams = new LinkedHashMap<>(parameters);
        parameters.clear();
        if (endpoint.getServer() == null || endpoint.getServer().isBlank()) {
            throw new IllegalArgumentException("comfy:" + remaining + " needs a server: comfy:" + remaining
                    + "?server=<name>");
        }
        clients().settings(endpoint.getServer()); // an unknown server stops the route at start-up
        WorkflowTemplate template = templates().load(remaining);
        WorkflowBinder.resolve(template.copy(), workflowParams, remaining); // so do unknown nodes
        endpoint.setWorkflowParameters(workflowParams);
        return endpoint;
    }

    @Override
    protected void doShutdown() throws Exception {
        if (ownsClients) {
            clients.close();
        }
        super.doShutdown();
    }

    /** The servers; without any given, those of the system properties {@code flowpack.comfy.servers.<name>.url}. */
    public synchronized ComfyClients clients() {
        if (clients == null) {
            clients = ComfyClients.fromProperties(System.getProperties());
            ownsClients = true;
        }
        return clients;
    }

    /** The templates; without a folder given, {@code templatesDir} or the system property {@code flowpack.comfy.templates-dir}. */
    public synchronized TemplateFolder templates() {
        if (templates == null) {
            String dir = templatesSet ? templatesDir : System.getProperty("flowpack.comfy.templates-dir", templatesDir);
            templates = new TemplateFolder(Path.of(dir));
        }
        return templates;
    }

    public synchronized BlobStore blobs() {
        if (blobs == null) {
            blobs = getCamelContext().getComponent("flow", FlowComponent.class).ingest().blobs();
        }
        return blobs;
    }

    public String getTemplatesDir() {
        return templatesDir;
    }

    public void setTemplatesDir(String templatesDir) {
        this.templatesDir = templatesDir;
        this.templatesSet = true;
    }
}
