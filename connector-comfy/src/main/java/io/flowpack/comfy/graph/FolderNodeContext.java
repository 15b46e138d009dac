package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.NodeContext;
import io.flowpack.imaging.ImageLimits;

import java.nio.file.Path;

/** What every node context of the runner knows: the prompt and node ids, the folders, the limits and the prompt. */
abstract class FolderNodeContext implements NodeContext {

    private final String promptId;
    private final String nodeId;
    private final NodeEnvironment environment;
    private final Object prompt;

    FolderNodeContext(String promptId, String nodeId, NodeEnvironment environment, Object prompt) {
        this.promptId = promptId;
        this.nodeId = nodeId;
        this.environment = environment;
        this.prompt = prompt;
    }

    @Override
    public String promptId() {
        return promptId;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Path inputDirectory() {
        return environment.inputDirectory();
    }

    @Override
    public Path outputDirectory() {
        return environment.outputDirectory();
    }

    @Override
    public Path tempDirectory() {
        return environment.tempDirectory();
    }

    @Override
    public ImageLimits imageLimits() {
        return environment.imageLimits();
    }

    @Override
    public Object prompt() {
        return prompt;
    }
}
