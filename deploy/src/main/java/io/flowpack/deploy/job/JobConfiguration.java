package io.flowpack.deploy.job;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code job:} Camel component (bean name {@code job}) and the registry of served templates. */
@Configuration(proxyBeanMethods = false)
public class JobConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public JobTemplates jobTemplates() {
        return new JobTemplates();
    }

    @Bean("job")
    public JobComponent jobComponent(JobTemplates templates) {
        return new JobComponent(templates);
    }
}
