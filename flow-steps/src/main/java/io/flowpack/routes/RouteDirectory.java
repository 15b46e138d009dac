package io.flowpack.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loads Camel route files ({@code *.yaml}, {@code *.yml}, {@code *.xml}) from a folder into a started context, one
 * file at a time so a broken file is reported (with file and line) without stopping the others, and reloads a file
 * when it changes. A reload that fails keeps the file's previous routes running.
 */
public final class RouteDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteDirectory.class);

    private final CamelContext context;
    private final Path folder;
    private final Map<Path, Loaded> files = new ConcurrentHashMap<>();
    private ScheduledExecutorService watcher;

    public RouteDirectory(CamelContext context, Path folder) {
        this.context = context;
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /** Loads every route file of the folder; a missing folder is reported and treated as empty. */
    public synchronized void loadAll() {
        if (!Files.isDirectory(folder)) {
            LOG.warn("routes folder {} does not exist; no routes loaded from it", folder);
            return;
        }
        for (Path file : routeFiles()) {
            load(file);
        }
    }

    /** Checks every {@code poll} for new, changed and removed files. */
    public synchronized void watch(Duration poll) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "flowpack-routes-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::rescan, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<RouteFileStatus> status() {
        return files.values().stream().map(Loaded::status)
                .sorted((a, b) -> a.file().compareTo(b.file())).toList();
    }

    /** Re-reads changed files, loads new ones and removes the routes of deleted ones. */
    public synchronized void rescan() {
        try {
            List<Path> present = Files.isDirectory(folder) ? routeFiles() : List.of();
            for (Path file : present) {
                Loaded known = files.get(file);
                if (known == null || !known.stamp.equals(stamp(file))) {
                    load(file);
                }
            }
            for (Path gone : new ArrayList<>(files.keySet())) {
                if (!present.contains(gone)) {
                    LOG.info("route file {} was removed; stopping its routes {}", gone, files.get(gone).status.routeIds());
                    removeRoutes(files.remove(gone).status.routeIds());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("scanning routes folder {} failed: {}", folder, e.getMessage(), e);
        }
    }

    /** Loads or reloads one file and returns its status. */
    public synchronized RouteFileStatus load(Path file) {
        Path key = file.toAbsolutePath().normalize();
        String stamp = stamp(key);
        Loaded previous = files.get(key);
        Resource resource = ResourceHelper.resolveResource(context, "file:" + key);
        Collection<RoutesBuilder> builders;
        try {
            builders = PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource));
        } catch (Exception e) {
            return failed(key, stamp, previous, e, "cannot parse");
        }
        List<String> old = previous == null ? List.of() : previous.status.routeIds();
        removeRoutes(old);
        try {
            List<String> ids = addRoutes(builders);
            RouteFileStatus status = new RouteFileStatus(key, ids, null, 0, Instant.now());
            files.put(key, new Loaded(stamp, status, builders));
            LOG.info("{} route file {}: routes {}", previous == null ? "loaded" : "reloaded", key.getFileName(), ids);
            return status;
        } catch (Exception e) {
            if (previous != null && previous.builders != null) {
                try {
                    addRoutes(previous.builders);
                } catch (Exception again) {
                    LOG.error("could not restore the previous routes of {}: {}", key, RouteErrors.reason(again));
                    previous = new Loaded(previous.stamp, new RouteFileStatus(key, List.of(), null, 0,
                            previous.status.loaded()), null);
                }
            }
            return failed(key, stamp, previous, e, "cannot start");
        }
    }

    private RouteFileStatus failed(Path file, String stamp, Loaded previous, Exception e, String what) {
        String reason = RouteErrors.reason(e);
        int line = RouteErrors.line(e, file);
        List<String> running = previous == null ? List.of() : previous.status.routeIds();
        RouteFileStatus status = new RouteFileStatus(file, running, what + ": " + reason, line, Instant.now());
        files.put(file, new Loaded(stamp, status, previous == null ? null : previous.builders));
        LOG.error("route file {}{} {}: {}{}", file, line > 0 ? ":" + line : "", what, reason,
                running.isEmpty() ? "" : " (previous routes " + running + " keep running)");
        return status;
    }

    /** Adds the builders' routes; on failure removes whatever of them was added, then rethrows. */
    private List<String> addRoutes(Collection<RoutesBuilder> builders) throws Exception {
        Set<String> before = routeIds();
        try {
            for (RoutesBuilder builder : builders) {
                context.addRoutes(builder);
            }
        } catch (Exception e) {
            Set<String> added = routeIds();
            added.removeAll(before);
            removeRoutes(List.copyOf(added));
            throw e;
        }
        Set<String> added = routeIds();
        added.removeAll(before);
        return added.stream().sorted().toList();
    }

    private void removeRoutes(List<String> ids) {
        for (String id : ids) {
            try {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("could not remove route {}: {}", id, e.getMessage());
            }
        }
    }

    private Set<String> routeIds() {
        Set<String> ids = new HashSet<>();
        for (Route route : context.getRoutes()) {
            ids.add(route.getRouteId());
        }
        return ids;
    }

    private List<Path> routeFiles() {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i)[^.].*\\.(ya?ml|xml)"))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            LOG.error("cannot list routes folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private static String stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    private record Loaded(String stamp, RouteFileStatus status, Collection<RoutesBuilder> builders) {
        Loaded {
            Objects.requireNonNull(stamp);
        }
    }
}
