package io.flowpack.bench.comfy;

import io.flowpack.comfy.node.NodeContext;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** The context of a node called directly, outside the runner (the benchmark's baseline). */
final class DirectContext implements NodeContext {

    private final Path input;
    private final Path output;

    DirectContext(Path input, Path output) {
        this.input = input;
        this.output = output;
    }

    @Override
    public String promptId() {
        return "baseline";
    }

    @Override
    public String nodeId() {
        return "1";
    }

    @Override
    public Path inputDirectory() {
        return input;
    }

    @Override
    public Path outputDirectory() {
        return output;
    }

    @Override
    public Path tempDirectory() {
        return output;
    }

    @Override
    public void progress(long value, long max) {
        // no listener
    }

    @Override
    public void preview(BufferedImage image) {
        // no listener
    }

    @Override
    public void checkInterrupted() {
        // never interrupted
    }
}
