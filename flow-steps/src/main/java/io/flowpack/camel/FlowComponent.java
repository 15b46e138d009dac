package io.flowpack.camel;

import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.step.ParameterBinder;
import io.flowpack.step.Step;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code flow:<step>?<params>} component: runs a flowpack step on the message's {@link io.flowpack.document.Document}.
 * Options of the URI that are not endpoint options are the step's parameters, checked when the route starts.
 */
@Component("flow")
public class FlowComponent extends DefaultComponent {

    @Metadata(description = "Folder of the blob store that holds part content", defaultValue = "${java.io.tmpdir}/flowpack-blobs")
    private String blobDir;
    @Metadata(description = "Largest input accepted, in bytes", defaultValue = "536870912")
    private long maxInputBytes = ImageLimits.DEFAULT.maxBytes();
    @Metadata(description = "Largest image accepted, in pixels (width × height), checked from the header", defaultValue = "100000000")
    private long maxPixels = ImageLimits.DEFAULT.maxPixels();

    private StepRegistry registry;
    private StepEngine engine;
    private DocumentIngest ingest;

    public FlowComponent() {
    }

    public FlowComponent(StepRegistry registry, StepEngine engine, DocumentIngest ingest, ImageLimits limits) {
        this.registry = registry;
        this.engine = engine;
        this.ingest = ingest;
        this.maxInputBytes = limits.maxBytes();
        this.maxPixels = limits.maxPixels();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Step step = registry().require(remaining);
        FlowEndpoint endpoint = new FlowEndpoint(uri, this, step);
        setProperties(endpoint, parameters); // takes the endpoint's own options out of the map
        Map<String, Object> stepParams = new LinkedHashMap<>(parameters);
        parameters.clear();
        // bind now so a wrong parameter stops the route at start-up with a precise message
        ParameterBinder.bind(step.descriptor().name(), step.descriptor().parameters(), stepParams);
        endpoint.setStepParameters(stepParams);
        return endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        FlowCamel.installSupport(getCamelContext(), this);
    }

    public synchronized StepRegistry registry() {
        if (registry == null) {
            registry = StepRegistry.discover();
        }
        return registry;
    }

    public synchronized StepEngine engine() {
        if (engine == null) {
            engine = new StepEngine(ingest().blobs());
        }
        return engine;
    }

    public synchronized DocumentIngest ingest() {
        if (ingest == null) {
            Path dir = blobDir != null ? Path.of(blobDir) : Path.of(System.getProperty("java.io.tmpdir"), "flowpack-blobs");
            ingest = new DocumentIngest(new FileBlobStore(dir), maxInputBytes);
        }
        return ingest;
    }

    public ImageLimits imageLimits() {
        return new ImageLimits(maxPixels, maxInputBytes);
    }


    public String getBlobDir() {
        return blobDir;
    }

    public void setBlobDir(String blobDir) {
        this.blobDir = blobDir;
    }

    public long getMaxInputBytes() {
        return maxInputBytes;
    }

    public void setMaxInputBytes(long maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
    }

    public long getMaxPixels() {
        return maxPixels;
    }

    public void setMaxPixels(long maxPixels) {
        this.maxPixels = maxPixels;
    }
}
