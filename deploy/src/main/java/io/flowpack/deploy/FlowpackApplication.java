package io.flowpack.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The server: job REST API, ops-configured routes, actuator. Started by {@code flowpack serve}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FlowpackApplication {

    public static void main(String[] args) {
        SpringApplication.run(FlowpackApplication.class, args);
    }
}
