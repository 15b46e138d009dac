package io.flowpack.comfy.nodes;

import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeInterruptedException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A node context over real input, output and temp folders under a test's temporary directory. */
public final class FolderContext implements NodeContext {
    private final Path input;
    private final Path output;
    private final Path temp;
    private final List<long[]> progress = new CopyOnWriteArrayList<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile int interruptAfterReports = -1;
    private Object prompt;
    private Map<String, Object> extraPngInfo = Map.of();

    public FolderContext(Path root) {
        try {
            this.input = Files.createDirectories(root.resolve("input"));
            this.output = Files.createDirectories(root.resolve("output"));
            this.temp = Files.createDirectories(root.resolve("temp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FolderContext withPrompt(Object apiPrompt, Map<String, Object> pngInfo) {
        this.prompt = apiPrompt;
        this.extraPngInfo = pngInfo;
        return this;
    }

    /** From now on {@link #checkInterrupted} throws, as after {@code /interrupt}. */
    public void interrupt() {
        interrupted.set(true);
    }

    /** Interrupts once {@code reports} progress reports have arrived: "the user pressed cancel mid-run". */
    public void interruptAfter(int reports) {
        interruptAfterReports = reports;
    }

    /** Every {@code (value, max)} reported so far. */
    public List<long[]> progress() {
        return progress;
    }

    @Override
    public String promptId() {
        return "test-prompt";
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
        return temp;
    }

    @Override
    public void progress(long value, long max) {
        progress.add(new long[] {value, max});
        if (interruptAfterReports >= 0 && progress.size() >= interruptAfterReports) {
            interrupted.set(true);
        }
    }

    @Override
    public void preview(BufferedImage image) {
    }

    @Override
    public void checkInterrupted() throws NodeInterruptedException {
        if (interrupted.get()) {
            throw new NodeInterruptedException();
        }
    }

    @Override
    public Object prompt() {
        return prompt;
    }

    @Override
    public Map<String, Object> extraPngInfo() {
        return extraPngInfo;
    }
}
