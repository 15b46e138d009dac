package io.flowpack.deploy.routes;

import io.flowpack.deploy.config.FlowpackProperties;
import io.flowpack.routes.RouteDirectory;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the ops' route files from {@code flowpack.routes-dir} once Camel has started, and watches them. */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

    @Bean(destroyMethod = "close")
    public RouteDirectory routeDirectory(CamelContext context, FlowpackProperties properties) {
        return new RouteDirectory(context, properties.routesDir());
    }

    @Bean
    public CamelContextConfiguration routeDirectoryLoader(RouteDirectory routes, FlowpackProperties properties) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                routes.loadAll();
                if (properties.routesReload()) {
                    routes.watch(properties.reloadPoll());
                }
            }
        };
    }
}
