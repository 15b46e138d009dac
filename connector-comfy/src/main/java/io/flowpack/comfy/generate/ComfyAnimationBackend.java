package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyClient;
import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.client.ComfyException;
import io.flowpack.comfy.client.OutputImage;
import io.flowpack.comfy.client.PromptInterruptedException;
import io.flowpack.comfy.client.PromptResult;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.comfy.template.WorkflowTemplate;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.morph.AnimationBackend;
import io.flowpack.morph.AnimationException;
import io.flowpack.morph.AnimationListener;
import io.flowpack.morph.AnimationRequest;
import io.flowpack.schedule.ScheduleSettings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static io.flowpack.comfy.generate.AnimationTitles.MOTION_MODEL;
import static io.flowpack.comfy.generate.AnimationTitles.SCHEDULE;
import static io.flowpack.comfy.generate.GenerationTitles.CHECKPOINT;
import static io.flowpack.comfy.generate.GenerationTitles.LATENT;
import static io.flowpack.comfy.generate.GenerationTitles.SAMPLER;

/**
 * The morph step's {@code comfy} method: the whole prompt schedule bound into an AnimateDiff +
 * {@code BatchPromptSchedule} workflow template ({@link AnimationTitles}) and run once on a ComfyUI server (or
 * flowpack's graph runner); the motion model's context options let it animate more frames than its window. The saved
 * frames are downloaded one at a time, in the server's order, and handed on, so a long animation never sits in memory.
 */
public final class ComfyAnimationBackend implements AnimationBackend {
    public static final String NAME = "comfy";
    static final String SERVER_PROPERTY = "flowpack.morph.comfy.server";
    static final String TEMPLATE_PROPERTY = "flowpack.morph.comfy.template";

    private final ComfyClients clients;
    private final TemplateFolder templates;
    private final String server;
    private final String template;

    /**
     * @param server   a configured server's name or an {@code http(s)://} URL
     * @param template the workflow template's name, e.g. {@code morph}
     */
    public ComfyAnimationBackend(ComfyClients clients, TemplateFolder templates, String server, String template) {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("the comfy morph method needs a ComfyUI server");
        }
        this.clients = clients;
        this.templates = templates;
        this.server = server;
        this.template = template == null || template.isBlank() ? "morph" : template;
    }

    /**
     * Without Spring ({@code flowpack run}, found by {@link java.util.ServiceLoader}): the Java system properties
     * {@value #SERVER_PROPERTY} (a server name or URL; unset, the method says to set it), {@value #TEMPLATE_PROPERTY}
     * (default {@code morph}), {@code flowpack.comfy.templates-dir} (default {@code ./comfy-templates}) and
     * {@code flowpack.comfy.servers.<name>.url|token}, as the {@code comfy:} Camel component reads them.
     */
    public ComfyAnimationBackend() {
        this.clients = ComfyClients.fromProperties(System.getProperties());
        this.templates = new TemplateFolder(Path.of(System.getProperty("flowpack.comfy.templates-dir",
                "./comfy-templates")));
        this.server = System.getProperty(SERVER_PROPERTY, "").strip();
        this.template = System.getProperty(TEMPLATE_PROPERTY, "morph").strip();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The server it runs on (a configured name or a URL). */
    public String server() {
        return server;
    }

    /** The workflow template's name. */
    public String template() {
        return template;
    }

    @Override
    public Map<String, Object> animate(AnimationRequest request, AnimationListener listener) {
        if (listener.cancelled()) {
            throw new CancellationException("cancelled before the ComfyUI prompt was queued");
        }
        if (server.isEmpty()) {
            throw new AnimationException("no ComfyUI server is set for method comfy: give one with -D"
                    + SERVER_PROPERTY + "=<server name or http://host:8188> (in the application: "
                    + SERVER_PROPERTY + ")");
        }
        GenerationListener progress = new GenerationListener() {
            @Override
            public void step(int done, int total) {
                listener.step(done, total);
            }

            @Override
            public boolean cancelled() {
                return listener.cancelled();
            }
        };
        try {
            WorkflowTemplate workflowTemplate = templates.load(template); // a local mistake first
            ComfyClient client = clients.client(server);
            ObjectNode workflow = workflowTemplate.copy();
            TemplateRun run = new TemplateRun(client, progress);
            PromptResult result = run.submit(workflowTemplate.name(), workflow,
                    bindings(request, workflow, workflowTemplate.name()), null);
            List<OutputImage> frames = TemplateRun.saved(result, workflowTemplate.name());
            if (frames.size() != request.frames()) {
                throw new AnimationException("workflow template '" + workflowTemplate.name() + "' saved "
                        + frames.size() + " images (prompt " + result.promptId() + "), " + request.frames()
                        + " frames were asked for; save only the decoded frames");
            }
            for (int i = 0; i < frames.size(); i++) {
                if (listener.cancelled()) {
                    throw new CancellationException("cancelled after " + i + " of " + frames.size() + " frames");
                }
                listener.frame(i, run.fetch(frames.get(i)));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("server", client.settings().name());
            details.put("template", workflowTemplate.name());
            details.put("promptIds", List.copyOf(run.promptIds()));
            details.put("model", TitledNodes.text(workflow, CHECKPOINT, "ckpt_name", workflowTemplate.name()));
            details.put("motionModel", TitledNodes.text(workflow, MOTION_MODEL, "model_name",
                    workflowTemplate.name()));
            return details;
        } catch (PromptInterruptedException e) {
            if (listener.cancelled()) {
                CancellationException cancelled = new CancellationException(e.getMessage());
                cancelled.initCause(e);
                throw cancelled;
            }
            throw new AnimationException(e.getMessage(), e);
        } catch (ComfyException | TemplateException | GenerationException e) {
            throw new AnimationException("server '" + server + "': " + e.getMessage(), e);
        }
    }

    /** The request as {@code <node id>.<input>} parameters of the titled nodes. */
    static Map<String, Object> bindings(AnimationRequest request, ObjectNode workflow, String template) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        ScheduleSettings schedule = request.schedule();
        String scheduleNode = TitledNodes.require(workflow, SCHEDULE, "the prompt schedule", template);
        parameters.put(scheduleNode + ".text", schedule.text().strip());
        parameters.put(scheduleNode + ".max_frames", schedule.maxFrames());
        parameters.put(scheduleNode + ".pre_text", schedule.preText());
        parameters.put(scheduleNode + ".app_text", schedule.appText());
        parameters.put(scheduleNode + ".start_frame", 0);
        parameters.put(scheduleNode + ".end_frame", 0);
        String latent = TitledNodes.require(workflow, LATENT, "width, height and frames", template);
        parameters.put(latent + ".width", request.width());
        parameters.put(latent + ".height", request.height());
        parameters.put(latent + ".batch_size", request.frames());
        String sampler = TitledNodes.require(workflow, SAMPLER, "seed, steps and cfg", template);
        parameters.put(sampler + ".seed", request.seed());
        parameters.put(sampler + ".steps", request.steps());
        parameters.put(sampler + ".cfg", request.guidance());
        if (!request.model().isEmpty()) {
            parameters.put(TitledNodes.require(workflow, CHECKPOINT, "the step names the model '" + request.model()
                    + "'", template) + ".ckpt_name", request.model());
        }
        if (!request.motionModel().isEmpty()) {
            parameters.put(TitledNodes.require(workflow, MOTION_MODEL, "the step names the motion model '"
                    + request.motionModel() + "'", template) + ".model_name", request.motionModel());
        }
        return parameters;
    }
}
