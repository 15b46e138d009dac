package io.flowpack.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link OrtSession} per model, created on first use and shared by every thread after that. Each session runs
 * its operators on {@code intraOpThreads} threads. {@link #shared()} is the process-wide cache, closed when the JVM
 * shuts down; its thread count comes from the system property {@value #THREADS_PROPERTY} (default: all processors).
 */
public final class ModelSessions implements AutoCloseable {
    public static final String THREADS_PROPERTY = "flowpack.model-threads";

    private static final Logger LOG = LoggerFactory.getLogger(ModelSessions.class);

    private final int intraOpThreads;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ModelSessions() {
        this(defaultThreads());
    }

    public ModelSessions(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + intraOpThreads);
        }
        this.intraOpThreads = intraOpThreads;
    }

    /** The process-wide sessions, closed by a shutdown hook. */
    public static ModelSessions shared() {
        return Shared.INSTANCE;
    }

    public int intraOpThreads() {
        return intraOpThreads;
    }

    /**
     * The loaded model, loading it on first use; concurrent first calls for the same model load it once.
     * A failed load is not remembered, so a fixed file is picked up by the next call.
     *
     * @throws ModelLoadException naming the model and the problem
     */
    public LoadedModel get(ModelEntry entry) {
        if (closed) {
            throw new IllegalStateException("model sessions are closed");
        }
        return slots.computeIfAbsent(entry.key(), key -> new Slot()).get(entry, this);
    }

    /** Names of the models loaded so far. */
    public List<String> loaded() {
        return slots.values().stream().map(s -> s.model).filter(m -> m != null).map(LoadedModel::name).sorted().toList();
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots.values()) {
            slot.close();
        }
        slots.clear();
    }

    private LoadedModel load(ModelEntry entry) {
        long t0 = System.nanoTime();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            LoadedModel model = ModelLoader.load(entry, options);
            LOG.info("loaded {} in {} ms on {} threads", model, (System.nanoTime() - t0) / 1_000_000, intraOpThreads);
            return model;
        } catch (OrtException e) {
            throw ModelLoadException.of(entry.name(), "cannot set session options: " + e.getMessage(), e);
        }
    }

    private static int defaultThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value != null && !value.isBlank()) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("system property " + THREADS_PROPERTY
                        + " must be a whole number of threads, got '" + value + "'");
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** One model's session, loaded under the slot's own lock so other models are not held up. */
    private static final class Slot {
        private volatile LoadedModel model;

        synchronized LoadedModel get(ModelEntry entry, ModelSessions owner) {
            if (model == null) {
                model = owner.load(entry);
            }
            return model;
        }

        synchronized void close() {
            if (model != null) {
                try {
                    model.session().close();
                } catch (OrtException e) {
                    LOG.warn("closing {}: {}", model, e.getMessage());
                }
                model = null;
            }
        }
    }

    private static final class Shared {
        static final ModelSessions INSTANCE = create();

        private static ModelSessions create() {
            ModelSessions sessions = new ModelSessions();
            Runtime.getRuntime().addShutdownHook(new Thread(sessions::close, "flowpack-model-sessions-close"));
            return sessions;
        }
    }
}
