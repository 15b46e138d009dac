package io.flowpack.deploy.routes;

import io.flowpack.routes.RouteDirectory;
import io.flowpack.routes.RouteFileStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /actuator/health} lists each route file with its routes or its error; a broken file does not make the app DOWN. */
@Component("routeFiles")
public class RoutesHealthIndicator implements HealthIndicator {
    private final RouteDirectory routes;

    public RoutesHealthIndicator(RouteDirectory routes) {
        this.routes = routes;
    }

    @Override
    public Health health() {
        Map<String, Object> files = new LinkedHashMap<>();
        long broken = 0;
        for (RouteFileStatus status : routes.status()) {
            String name = status.file().getFileName().toString();
            if (status.ok()) {
                files.put(name, Map.of("routes", status.routeIds()));
            } else {
                broken++;
                files.put(name, Map.of("routes", status.routeIds(), "error", status.error(), "line", status.line()));
            }
        }
        return Health.up().withDetail("folder", routes.folder().toString()).withDetail("broken", broken)
                .withDetail("files", files).build();
    }
}
