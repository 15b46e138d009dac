package io.flowpack.deploy.config;

import io.flowpack.anonymizer.AnonymizeStep;
import io.flowpack.camel.FlowCamel;
import io.flowpack.camel.FlowComponent;
import io.flowpack.document.BlobStore;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.generate.GenerateStep;
import io.flowpack.generate.GenerationBackend;
import io.flowpack.generate.onnx.OnnxGenerationBackend;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.morph.AnimationBackend;
import io.flowpack.step.Step;
import io.flowpack.upscale.UpscaleStep;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * flowpack's core beans — step registry, blob store, engine, ingest, limits and the {@code flow} Camel component —
 * each replaceable by a user bean of the same type. Step beans join the steps found by ServiceLoader.
 */
@AutoConfiguration
@EnableConfigurationProperties(FlowpackProperties.class)
public class FlowpackAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ModelRegistry modelRegistry(FlowpackProperties properties) {
        // requests name models; only files inside the models folder may be named by path
        return ModelRegistry.of(FlowpackAutoConfiguration.class.getClassLoader(), properties.modelsDir(), false);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ModelSessions modelSessions(FlowpackProperties properties) {
        int threads = properties.modelThreads() > 0 ? properties.modelThreads() : Runtime.getRuntime().availableProcessors();
        return new ModelSessions(threads);
    }

    /** The upscale step on this application's models (replaces the ServiceLoader one, which reads system properties). */
    @Bean
    public UpscaleStep upscaleStep(ModelRegistry models, ModelSessions sessions) {
        return new UpscaleStep(models, sessions);
    }

    /**
     * The generate step on this application's models: the onnx backend plus any {@link GenerationBackend} beans
     * (e.g. comfy), a bean replacing a built-in backend of the same name.
     */
    @Bean
    public GenerateStep generateStep(ModelRegistry models, ModelSessions sessions,
                                     ObjectProvider<GenerationBackend> backends) {
        return new GenerateStep(generationBackends(models, sessions, backends));
    }

    /** A fresh onnx backend (each step closes its own) followed by the {@link GenerationBackend} beans. */
    private static List<GenerationBackend> generationBackends(ModelRegistry models, ModelSessions sessions,
                                                              ObjectProvider<GenerationBackend> backends) {
        List<GenerationBackend> all = new ArrayList<>();
        all.add(new OnnxGenerationBackend(models, sessions.intraOpThreads()));
        backends.orderedStream().forEach(all::add);
        return all;
    }

    /** The anonymize step on this application's models (replaces the ServiceLoader one). */
    @Bean
    public AnonymizeStep anonymizeStep(ModelRegistry models, ModelSessions sessions) {
        return new AnonymizeStep(models, sessions);
    }

    /**
     * The morph step on this application's models (replaces the ServiceLoader one); keyframes generated from a
     * schedule use the same backends as {@link #generateStep}: onnx plus any {@link GenerationBackend} beans; the
     * {@link AnimationBackend} beans are its whole-schedule methods (comfy).
     */
    @Bean
    public io.flowpack.morph.MorphStep morphStep(ModelRegistry models, ModelSessions sessions,
                                                 ObjectProvider<GenerationBackend> backends,
                                                 ObjectProvider<AnimationBackend> animators) {
        return new io.flowpack.morph.MorphStep(models, sessions, generationBackends(models, sessions, backends),
                animators.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    public StepRegistry stepRegistry(ObjectProvider<Step> beanSteps) {
        StepRegistry registry = StepRegistry.discover();
        beanSteps.orderedStream().forEach(registry::register);
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    public BlobStore blobStore(FlowpackProperties properties) {
        return new FileBlobStore(properties.dataDir().resolve("blobs"));
    }

    @Bean
    @ConditionalOnMissingBean
    public ImageLimits imageLimits(FlowpackProperties properties) {
        return new ImageLimits(properties.maxPixels(), properties.maxInputSize().toBytes());
    }

    @Bean
    @ConditionalOnMissingBean
    public StepEngine stepEngine(BlobStore blobs) {
        return new StepEngine(blobs);
    }

    @Bean
    @ConditionalOnMissingBean
    public DocumentIngest documentIngest(BlobStore blobs, ImageLimits limits) {
        return new DocumentIngest(blobs, limits.maxBytes());
    }

    @Bean("flow")
    @ConditionalOnMissingBean
    public FlowComponent flowComponent(StepRegistry registry, StepEngine engine, DocumentIngest ingest,
                                       ImageLimits limits) {
        return new FlowComponent(registry, engine, ingest, limits);
    }

    /** Installs the component, converters and result writing before any route is added. */
    @Bean
    public CamelContextConfiguration flowpackCamelSetup(FlowComponent flow) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                FlowCamel.install(context, flow);
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}
