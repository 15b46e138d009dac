package io.flowpack.comfy.runner;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every HTTP request: the path is split into percent-decoded segments (so {@code userdata/workflows%2Fa.json} stays
 * one segment), a leading {@code api} is stripped (ComfyUI's alias; {@code /internal} is not aliased), the route runs;
 * unrouted GETs go to the static frontend. Errors are bare status codes, as in ComfyUI.
 */
final class RunnerServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(RunnerServlet.class.getName());

    private final transient Router router;
    private final transient StaticFrontEnd frontEnd;

    RunnerServlet(Router router, StaticFrontEnd frontEnd) {
        this.router = router;
        this.frontEnd = frontEnd;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Call call = null;
        try {
            List<String> segments = segments(request.getRequestURI());
            boolean api = !segments.isEmpty() && segments.get(0).equals("api");
            List<String> routed = api ? segments.subList(1, segments.size()) : segments;
            boolean internal = !routed.isEmpty() && routed.get(0).equals("internal");
            Router.Match match = api && internal ? null : router.match(request.getMethod(), routed);
            if (match != null) {
                call = new Call(request, response, match.params());
                match.handler().handle(call);
            } else if (!api && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
                call = new Call(request, response, List.of());
                frontEnd.serve(call, segments);
            } else {
                response.setStatus(!(api && internal) && router.pathKnown(routed) ? 405 : 404);
            }
        } catch (Call.BadRequest e) {
            LOG.log(Level.FINE, request.getRequestURI() + ": " + e.getMessage());
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(e.status);
                if (e.status == 413) {
                    response.setHeader("Connection", "close");
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, request.getMethod() + " " + request.getRequestURI() + " failed", e);
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(500);
            }
        }
    }

    private static List<String> segments(String rawPath) throws Call.BadRequest {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            try {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Call.BadRequest(400, "invalid path encoding");
            }
        }
        return segments;
    }
}
