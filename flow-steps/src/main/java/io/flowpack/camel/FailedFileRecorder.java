package io.flowpack.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a message that came from a file consumer fails, writes {@code .failed/<name>.error.json} (step, reason,
 * time) next to where the consumer's {@code moveFailed=.failed} keeps the input.
 */
final class FailedFileRecorder extends EventNotifierSupport {
    static final String FAILED_FOLDER = ".failed";
    private static final Logger LOG = LoggerFactory.getLogger(FailedFileRecorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    FailedFileRecorder() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
        String parent = exchange.getIn().getHeader(Exchange.FILE_PARENT, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (parent == null || name == null || exchange.getFromEndpoint() == null
                || !exchange.getFromEndpoint().getEndpointUri().startsWith("file:")) {
            return;
        }
        Throwable error = exchange.getException();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("file", name);
        record.put("route", exchange.getFromRouteId());
        record.put("step", exchange.getProperty(FlowHeaders.FAILED_STEP, String.class));
        record.put("reason", reason(error));
        record.put("type", error == null ? null : error.getClass().getName());
        record.put("time", Instant.now().toString());
        try {
            Path folder = Path.of(parent).resolve(FAILED_FOLDER);
            Files.createDirectories(folder);
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(name + ".error.json").toFile(), record);
        } catch (Exception e) {
            LOG.error("could not record the failure of {}: {}", name, e.getMessage());
        }
    }

    static String reason(Throwable error) {
        if (error == null) {
            return "unknown";
        }
        Throwable cause = error;
        while (cause.getCause() != null && (cause.getMessage() == null
                || cause instanceof org.apache.camel.TypeConversionException
                || cause instanceof org.apache.camel.InvalidPayloadException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
