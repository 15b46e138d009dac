package io.flowpack.deploy.comfy;

import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.comfy.runner.RunnerSettings;
import io.flowpack.deploy.config.FlowpackAutoConfiguration;
import io.flowpack.deploy.config.FlowpackProperties;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/**
 * flowpack's ComfyUI-compatible graph runner on its own port ({@code flowpack.comfy.runner.*}, on by default): the
 * nodes are ComfyUI's common image nodes and every step of the step registry. Both beans are replaceable.
 */
@AutoConfiguration(after = FlowpackAutoConfiguration.class)
@EnableConfigurationProperties(ComfyRunnerProperties.class)
@ConditionalOnProperty(prefix = "flowpack.comfy.runner", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ComfyRunnerAutoConfiguration {

    /** The runner's folders and limits from the properties. */
    static RunnerSettings settings(ComfyRunnerProperties runner, FlowpackProperties flowpack) {
        Path dataDir = runner.dataDir() != null ? runner.dataDir() : flowpack.dataDir().resolve("comfy");
        RunnerSettings defaults = RunnerSettings.under(dataDir);
        return new RunnerSettings(runner.host(), runner.port(), defaults.inputDirectory(), defaults.outputDirectory(),
                defaults.tempDirectory(), defaults.userDirectory(), runner.frontEndRoot(), runner.token(),
                runner.maxUploadSize().toBytes(), runner.maxHistory());
    }

    @Bean
    @ConditionalOnMissingBean
    public NodeRegistry comfyNodeRegistry(StepRegistry steps, ModelRegistry models, ModelSessions sessions,
                                          ComfyRunnerProperties runner, FlowpackProperties flowpack) {
        return BuiltInNodes.create(steps, models, sessions, settings(runner, flowpack).inputDirectory());
    }

    @Bean
    @ConditionalOnMissingBean
    public ComfyRunnerLifecycle comfyRunner(ComfyRunnerProperties runner, FlowpackProperties flowpack,
                                            NodeRegistry nodes, ImageLimits imageLimits) {
        return new ComfyRunnerLifecycle(settings(runner, flowpack), nodes, imageLimits);
    }
}
