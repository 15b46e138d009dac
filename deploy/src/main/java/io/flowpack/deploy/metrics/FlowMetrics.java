package io.flowpack.deploy.metrics;

import io.flowpack.engine.AuditEntry;
import io.flowpack.engine.StepEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Prometheus metrics: {@code flowpack_documents_in_total}, {@code _out_total} and {@code _failed_total} per route,
 * and {@code flowpack_step_seconds} per step and outcome.
 */
@Component
public class FlowMetrics extends EventNotifierSupport {
    private final MeterRegistry registry;

    public FlowMetrics(MeterRegistry registry, StepEngine engine, CamelContext camel) {
        this.registry = registry;
        engine.addObserver(this::stepFinished);
        camel.getManagementStrategy().addEventNotifier(this);
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        String route = exchange.getFromRouteId() == null ? "none" : exchange.getFromRouteId();
        if (event instanceof CamelEvent.ExchangeCreatedEvent) {
            counter("flowpack.documents.in", route).increment();
        } else if (event instanceof CamelEvent.ExchangeFailedEvent) {
            counter("flowpack.documents.failed", route).increment();
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent && !exchange.isFailed()) {
            counter("flowpack.documents.out", route).increment();
        }
    }

    private Counter counter(String name, String route) {
        return Counter.builder(name).description("documents by route").tag("route", route).register(registry);
    }

    private void stepFinished(AuditEntry entry) {
        Timer.builder("flowpack.step").description("time per step run").tag("step", entry.step())
                .tag("outcome", entry.outcome()).register(registry).record(Duration.ofMillis(entry.durationMillis()));
    }
}
