package io.flowpack.camel;

import io.flowpack.step.ParameterBinder;
import io.flowpack.step.ParameterException;
import io.flowpack.step.ParameterSpec;
import io.flowpack.step.StepDescriptor;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parameters that come with a message (a job's form fields, {@code flowpack run --param}) rather than in the URI:
 * {@code name} goes to every step that declares it, {@code step.name} to that step only, and each step binds its
 * URI options overridden by these. {@link #check} refuses, before anything runs, what no step of the route would
 * take, with a {@link ParameterException} naming the parameter.
 */
public final class MessageParameters {

    private MessageParameters() {
    }

    /**
     * @param subject what the parameters are for, as messages name it: {@code template 'upscale'}, {@code route 'web'}
     * @param steps    the route's flow steps
     */
    public static void check(String subject, List<FlowEndpoint> steps, Map<String, ?> parameters) {
        List<FlowEndpoint> open = steps.stream().filter(FlowEndpoint::isAcceptMessageParams).toList();
        for (String key : parameters.keySet()) {
            int dot = key.indexOf('.');
            if (dot > 0) {
                checkQualified(subject, steps, open, key.substring(0, dot), key.substring(dot + 1),
                        String.valueOf(parameters.get(key)));
            } else if (open.stream().noneMatch(s -> declares(s, key))) {
                throw new ParameterException(unknown(subject, key, open));
            }
        }
        for (FlowEndpoint step : open) {
            StepDescriptor descriptor = step.implementation().descriptor();
            ParameterBinder.bind(descriptor.name(), descriptor.parameters(), merged(step, parameters));
        }
    }

    private static void checkQualified(String subject, List<FlowEndpoint> steps, List<FlowEndpoint> open,
                                       String stepName, String name, String value) {
        List<FlowEndpoint> targets = open.stream().filter(s -> name(s).equals(stepName)).toList();
        if (targets.isEmpty() && steps.stream().anyMatch(s -> name(s).equals(stepName))) {
            throw new ParameterException("step '" + stepName + "' of " + subject
                    + " takes no message parameters (its route sets acceptMessageParams=false)");
        }
        if (targets.isEmpty()) {
            throw new ParameterException("parameter '" + stepName + "." + name + "' names step '" + stepName
                    + "', which " + subject + " does not run; its steps: "
                    + list(open.stream().map(MessageParameters::name).distinct().toList()));
        }
        for (FlowEndpoint target : targets) {
            if (!declares(target, name)) {
                StepDescriptor descriptor = target.implementation().descriptor();
                ParameterBinder.bind(descriptor.name(), descriptor.parameters(), Map.of(name, value)); // names what is known
            }
        }
    }

    /** The step's URI options with the message's parameters on top. */
    public static Map<String, Object> merged(FlowEndpoint step, Map<?, ?> parameters) {
        Map<String, Object> merged = new LinkedHashMap<>(step.getStepParameters());
        for (ParameterSpec spec : step.implementation().descriptor().parameterSpecs()) {
            Object qualified = parameters.get(name(step) + "." + spec.name());
            Object plain = parameters.get(spec.name());
            if (qualified != null) {
                merged.put(spec.name(), qualified);
            } else if (plain != null) {
                merged.put(spec.name(), plain);
            }
        }
        return merged;
    }

    private static String unknown(String subject, String key, List<FlowEndpoint> open) {
        Set<String> known = new LinkedHashSet<>();
        open.forEach(s -> s.implementation().descriptor().parameterSpecs().forEach(p -> known.add(p.name())));
        return ParameterBinder.unknownMessage(subject, key, known);
    }

    private static boolean declares(FlowEndpoint step, String parameter) {
        return step.implementation().descriptor().parameterSpecs().stream().anyMatch(p -> p.name().equals(parameter));
    }

    private static String name(FlowEndpoint step) {
        return step.implementation().descriptor().name();
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
