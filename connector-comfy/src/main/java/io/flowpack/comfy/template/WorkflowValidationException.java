package io.flowpack.comfy.template;

import java.util.List;
import java.util.stream.Collectors;

/** The workflow does not fit the server's {@code /object_info}; every problem names node and input. */
public class WorkflowValidationException extends TemplateException {
    private final List<WorkflowProblem> problems;

    public WorkflowValidationException(String template, String server, List<WorkflowProblem> problems) {
        super("workflow template '" + template + "' does not fit ComfyUI server '" + server + "': "
                + problems.stream().map(WorkflowProblem::describe).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<WorkflowProblem> problems() {
        return problems;
    }
}
