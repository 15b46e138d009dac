package io.flowpack.deploy.routes;

import io.flowpack.routes.RouteDirectory;
import io.flowpack.routes.RouteFileStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The route files of {@code flowpack.routes-dir} and their state. */
@RestController
@RequestMapping("/api/routes")
@Tag(name = "routes", description = "Ops-configured route files")
public class RoutesController {
    private final RouteDirectory routes;

    public RoutesController(RouteDirectory routes) {
        this.routes = routes;
    }

    @GetMapping
    @Operation(summary = "List route files with their running routes or load error (file, line, reason)")
    public List<RouteFileStatus> list() {
        return routes.status();
    }
}
