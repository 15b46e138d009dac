package io.flowpack.camel;

import org.apache.camel.EndpointAware;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code flow:} steps of a started route by walking its processors. Endpoints resolved only at run time
 * ({@code toD}) or reached through another route ({@code direct:}) are not seen.
 */
public final class RouteSteps {

    private RouteSteps() {
    }

    public static List<FlowEndpoint> flowEndpoints(Route route) {
        List<FlowEndpoint> found = new ArrayList<>();
        if (route != null) {
            collect(route.navigate(), found);
        }
        return List.copyOf(found);
    }

    private static void collect(Navigate<Processor> node, List<FlowEndpoint> found) {
        if (node == null || !node.hasNext()) {
            return;
        }
        for (Processor processor : node.next()) {
            if (processor instanceof EndpointAware aware && aware.getEndpoint() instanceof FlowEndpoint flow
                    && !found.contains(flow)) {
                found.add(flow);
            }
            if (processor instanceof Navigate<?> child) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> next = (Navigate<Processor>) child;
                collect(next, found);
            }
        }
    }
}
