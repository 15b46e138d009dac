package io.flowpack.comfy.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes by method and path segments; {@code {}} matches one segment (already percent-decoded) and becomes a path
 * parameter. Paths are given without the {@code /api} prefix, which the servlet strips.
 */
final class Router {

    interface Handler {
        void handle(Call call) throws Exception;
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    /** A matched route with its parameters. */
    record Match(Handler handler, List<String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String path, Handler handler) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        routes.add(new Route(method, trimmed.isEmpty() ? new String[0] : trimmed.split("/"), handler));
        return this;
    }

    Router get(String path, Handler handler) {
        return add("GET", path, handler);
    }

    Router post(String path, Handler handler) {
        return add("POST", path, handler);
    }

    /** The route for a request, null when none matches; {@code pathKnown} tells 404 from 405. */
    Match match(String method, List<String> segments) {
        for (Route route : routes) {
            if (!route.method.equals(method) && !("HEAD".equals(method) && "GET".equals(route.method))) {
                continue;
            }
            List<String> params = matchSegments(route.segments, segments);
            if (params != null) {
                return new Match(route.handler, params);
            }
        }
        return null;
    }

    boolean pathKnown(List<String> segments) {
        return routes.stream().anyMatch(r -> matchSegments(r.segments, segments) != null);
    }

    private static List<String> matchSegments(String[] pattern, List<String> segments) {
        if (pattern.length != segments.size()) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if ("{}".equals(pattern[i])) {
                params.add(segments.get(i));
            } else if (!pattern[i].equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
