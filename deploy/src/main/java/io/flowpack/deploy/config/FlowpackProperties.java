package io.flowpack.deploy.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * flowpack's settings, under {@code flowpack.*}.
 *
 * @param routesDir     folder of Camel YAML DSL route files loaded at start and reloaded when they change
 * @param routesReload  whether route files are watched and reloaded on change
 * @param reloadPoll    how often the routes folder is checked for changes
 * @param dataDir       folder of the blob store ({@code blobs/}) and the job database ({@code db/})
 * @param maxInputSize  largest input file accepted (upload, file route or job)
 * @param maxPixels     largest image accepted in pixels (width × height), checked from the header before decoding
 * @param modelsDir     folder of user models (one subfolder with manifest.json + model file each); model
 *                      parameters may name files only inside it; unset: bundled models only
 * @param modelThreads  ONNX Runtime intra-op threads per model session; 0 uses every processor
 * @param jobs          the job API's workers
 */
@ConfigurationProperties(prefix = "flowpack")
public record FlowpackProperties(
        @DefaultValue("./routes") Path routesDir,
        @DefaultValue("true") boolean routesReload,
        @DefaultValue("2s") Duration reloadPoll,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("512MB") DataSize maxInputSize,
        @DefaultValue("100000000") long maxPixels,
        Path modelsDir,
        @DefaultValue("0") int modelThreads,
        @DefaultValue Jobs jobs) {

    /**
     * @param workers       jobs run at the same time
     * @param keepResults   how long finished jobs and their results are kept (not yet enforced when 0)
     */
    public record Jobs(@DefaultValue("2") int workers, @DefaultValue("0s") Duration keepResults) {
    }
}
