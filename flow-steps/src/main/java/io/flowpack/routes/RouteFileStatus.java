package io.flowpack.routes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The state of one route file: the routes it started, or why it could not be loaded.
 *
 * @param file     the route file
 * @param routeIds routes now running from it (the previous version's when a reload failed)
 * @param error    the reason the last load failed, or null
 * @param line     the line of the error in the file when known, else 0
 * @param loaded   when the file was last read
 */
public record RouteFileStatus(Path file, List<String> routeIds, String error, int line, Instant loaded) {

    public boolean ok() {
        return error == null;
    }
}
