package io.flowpack.comfy.camel;

import io.flowpack.camel.FlowHeaders;
import io.flowpack.comfy.client.ComfyClient;
import io.flowpack.comfy.template.WorkflowTemplate;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import io.flowpack.engine.AuditEntry;
import io.flowpack.step.ProgressListener;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepException;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs the endpoint's workflow on the document's unprocessed images: they become {@code META}, the workflow's output
 * images are added as new parts, and an audit entry {@code comfy:<template>} records server, prompt ids, parameters
 * and outcome, as a {@code flow:} step would. Progress goes to the exchange's {@link FlowHeaders#PROGRESS} listener.
 */
class ComfyProducer extends DefaultProducer {
    private final ComfyEndpoint endpoint;

    ComfyProducer(ComfyEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Document document = exchange.getIn().getMandatoryBody(Document.class);
        String stepName = "comfy:" + endpoint.getTemplate();
        ProgressListener progress = exchange.getProperty(FlowHeaders.PROGRESS, ProgressListener.class);
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        BooleanSupplier cancelledProperty = exchange.getProperty(FlowHeaders.CANCELLED, BooleanSupplier.class);
        BooleanSupplier cancelled = cancelledProperty == null ? () -> false : cancelledProperty;
        Map<String, Object> parameters = parameters(exchange);
        List<Part> images = document.baseParts().stream().filter(p -> p.mediaType().startsWith("image/")).toList();
        List<Part> consumed = new ArrayList<>();
        List<Part> outputs = new ArrayList<>();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ComfyComponent component = endpoint.getComponent();
        DocumentWorkflow workflow = null;
        try {
            ComfyClient client = component.clients().client(endpoint.getServer());
            WorkflowTemplate template = component.templates().load(endpoint.getTemplate());
            workflow = new DocumentWorkflow(client, template, component.blobs(), stepName);
            List<List<Part>> runs = workflow.plan(images, endpoint.loadImageRefs());
            listener.progress(stepName, 0, "started");
            for (int i = 0; i < runs.size(); i++) {
                outputs.addAll(workflow.run(runs.get(i), parameters, endpoint.loadImageRefs(), endpoint.outputNodeRefs(),
                        listener, i, runs.size(), cancelled));
                consumed.addAll(runs.get(i));
            }
            for (Part input : consumed) {
                document.replace(input.withKind(PartKind.META));
            }
            outputs.forEach(document::addPart);
            listener.progress(stepName, 1, "done");
            audit(document, stepName, parameters, consumed, outputs, started, t0, AuditEntry.OK, null, workflow);
            exchange.getIn().setHeader(ComfyHeaders.PROMPT_IDS, String.join(",", workflow.promptIds()));
        } catch (RuntimeException | IOException e) { // ComfyException, TemplateException, IllegalArgumentException …
            boolean wasCancelled = cancelled.getAsBoolean();
            String reason = wasCancelled ? "step '" + stepName + "' was cancelled" : e.getMessage();
            audit(document, stepName, parameters, images, List.of(), started, t0,
                    wasCancelled ? AuditEntry.CANCELLED : AuditEntry.FAILED, reason, workflow);
            exchange.setProperty(FlowHeaders.FAILED_STEP, stepName);
            if (wasCancelled) {
                throw new StepCancelledException(stepName);
            }
            throw new StepException(reason, e);
        } finally {
            exchange.getIn().setBody(document);
        }
    }

    /** The URI's workflow parameters with the {@link ComfyHeaders#PARAMS} header's on top. */
    private Map<String, Object> parameters(Exchange exchange) {
        Map<String, Object> merged = new LinkedHashMap<>(endpoint.getWorkflowParameters());
        Map<?, ?> fromMessage = exchange.getIn().getHeader(ComfyHeaders.PARAMS, Map.class);
        if (fromMessage != null && endpoint.isAcceptMessageParams()) {
            fromMessage.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        return merged;
    }

    private void audit(Document document, String stepName, Map<String, Object> parameters, List<Part> inputs,
                       List<Part> outputs, Instant started, long t0, String outcome, String error,
                       DocumentWorkflow workflow) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("server", endpoint.getServer());
        if (endpoint.getLoadImage() != null) {
            recorded.put("loadImage", endpoint.getLoadImage());
        }
        if (endpoint.getOutputNodes() != null) {
            recorded.put("outputNodes", endpoint.getOutputNodes());
        }
        parameters.forEach((k, v) -> recorded.put(k, String.valueOf(v)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("template", endpoint.getTemplate());
        try {
            details.put("url", endpoint.getComponent().clients().settings(endpoint.getServer()).baseUri().toString());
        } catch (IllegalArgumentException unknown) {
            // the reason is the error
        }
        if (workflow != null) {
            details.put("promptIds", List.copyOf(workflow.promptIds()));
            details.put("resubmits", workflow.resubmits());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        document.addAudit(new AuditEntry(stepName, recorded, inputs.stream().map(Part::id).toList(),
                outputs.stream().map(Part::id).toList(), started, millis, outcome, error, details));
    }
}
