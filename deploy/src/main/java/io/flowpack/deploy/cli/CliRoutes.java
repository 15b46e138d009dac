package io.flowpack.deploy.cli;

import io.flowpack.camel.MessageParameters;
import io.flowpack.camel.RouteSteps;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.URISupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the route {@code flowpack run} feeds: for a step, {@code direct → flow:<step> → file:<out>}; for a route file,
 * its first route with the consumer replaced by {@code direct:} and its {@code file:} outputs pointed at {@code --out}.
 */
final class CliRoutes {
    static final String ENTRY = "direct:flowpack-cli";

    private CliRoutes() {
    }

    static boolean isRouteFile(String target) {
        return target.matches("(?i).*\\.(ya?ml|xml)") || Files.isRegularFile(Path.of(target));
    }

    /** Adds the route to a context that is not started yet; returns the entry endpoint URI. */
    static String install(CamelContext context, String target, Map<String, String> params, Path out) throws Exception {
        String outUri = "file:" + out.toAbsolutePath();
        if (!isRouteFile(target)) {
            String query = params.isEmpty() ? "" : "?" + URISupport.createQueryString(Map.<String, Object>copyOf(params));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(ENTRY).routeId("flowpack-cli").to("flow:" + target + query).to(outUri);
                }
            });
            return ENTRY;
        }
        Path file = Path.of(target).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no route file " + file + " and no step named '" + target + "'");
        }
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(List.of(ResourceHelper.resolveResource(context, "file:" + file)))) {
            context.addRoutes(builder);
        }
        ModelCamelContext model = (ModelCamelContext) context;
        RouteDefinition entry = model.getRouteDefinitions().stream()
                .filter(r -> !r.getInput().getEndpointUri().matches("(direct|seda):.*"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("route file " + file + " has no route with a consumer "
                        + "(file:, job:, ...) to feed"));
        AdviceWith.adviceWith(context, entry.getRouteId(), advice -> {
            advice.replaceFromWith(ENTRY);
            advice.weaveByToUri("file:*").replace().to(outUri);
        });
        return ENTRY;
    }

    /** Fails when a {@code --param} is taken by no flow step of the entry route, or a step refuses its value. */
    static void checkParams(CamelContext context, Map<String, String> params) {
        Endpoint feed = context.getEndpoint(ENTRY);
        Route entry = context.getRoutes().stream().filter(r -> r.getEndpoint() == feed).findFirst().orElseThrow();
        MessageParameters.check("route '" + entry.getRouteId() + "'", RouteSteps.flowEndpoints(entry), params);
    }
}
