package io.flowpack.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Installs the flowpack pieces into a Camel context: the {@code flow} component, the document type converters,
 * result writing for {@code file:} endpoints and the failed-file recorder. Idempotent; call it before routes are
 * added so every route gets the result writing.
 */
public final class FlowCamel {

    private FlowCamel() {
    }

    public static void install(CamelContext context, FlowComponent component) {
        if (context.hasComponent("flow") == null) {
            context.addComponent("flow", component); // its initialisation installs the rest
        }
        installSupport(context, component);
    }

    /** The converters, result writing and failure recording, without registering the component. */
    static void installSupport(CamelContext context, FlowComponent component) {
        synchronized (context) {
            new DocumentTypeConverter(component.ingest()).registerIn(context.getTypeConverterRegistry());
            ExtendedCamelContext extension = context.getCamelContextExtension();
            if (extension.getInterceptStrategies().stream().noneMatch(DocumentFileWriting.class::isInstance)) {
                extension.addInterceptStrategy(new DocumentFileWriting(component.ingest().blobs()));
            }
            if (context.getManagementStrategy().getEventNotifiers().stream().noneMatch(FailedFileRecorder.class::isInstance)) {
                context.getManagementStrategy().addEventNotifier(new FailedFileRecorder());
            }
        }
    }
}
