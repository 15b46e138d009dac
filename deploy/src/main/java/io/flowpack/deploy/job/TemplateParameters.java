package io.flowpack.deploy.job;

import io.flowpack.camel.FlowEndpoint;
import io.flowpack.step.ParameterBinder;
import io.flowpack.step.ParameterException;
import io.flowpack.step.ParameterSpec;
import io.flowpack.step.StepDescriptor;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a job's parameters against the steps of its template's route, the way {@code flow:} applies them:
 * {@code name} goes to every step that declares it, {@code step.name} to that step only, and each step binds its
 * URI options overridden by these. Every refusal is a {@link ParameterException} naming the parameter.
 */
final class TemplateParameters {

    private TemplateParameters() {
    }

    static void check(String template, List<FlowEndpoint> steps, Map<String, String> parameters) {
        List<FlowEndpoint> open = steps.stream().filter(FlowEndpoint::isAcceptMessageParams).toList();
        for (String key : parameters.keySet()) {
            int dot = key.indexOf('.');
            if (dot > 0) {
                checkQualified(template, steps, open, key.substring(0, dot), key.substring(dot + 1),
                        parameters.get(key));
            } else if (open.stream().noneMatch(s -> declares(s, key))) {
                throw new ParameterException(unknown(template, key, open));
            }
        }
        for (FlowEndpoint step : open) {
            StepDescriptor descriptor = step.implementation().descriptor();
            ParameterBinder.bind(descriptor.name(), descriptor.parameters(), merged(step, parameters));
        }
    }

    private static void checkQualified(String template, List<FlowEndpoint> steps, List<FlowEndpoint> open,
                                       String stepName, String name, String value) {
        List<FlowEndpoint> targets = open.stream().filter(s -> name(s).equals(stepName)).toList();
        if (targets.isEmpty() && steps.stream().anyMatch(s -> name(s).equals(stepName))) {
            throw new ParameterException("step '" + stepName + "' of template '" + template
                    + "' takes no job parameters (its route sets acceptMessageParams=false)");
        }
        if (targets.isEmpty()) {
            throw new ParameterException("parameter '" + stepName + "." + name + "' names step '" + stepName
                    + "', which the route of template '" + template + "' does not run; its steps: "
                    + list(open.stream().map(TemplateParameters::name).distinct().toList()));
        }
        for (FlowEndpoint target : targets) {
            if (!declares(target, name)) {
                StepDescriptor descriptor = target.implementation().descriptor();
                ParameterBinder.bind(descriptor.name(), descriptor.parameters(), Map.of(name, value)); // names what is known
            }
        }
    }

    /** The step's URI options with this job's parameters on top, as the {@code flow:} producer merges them. */
    private static Map<String, Object> merged(FlowEndpoint step, Map<String, String> parameters) {
        Map<String, Object> merged = new LinkedHashMap<>(step.getStepParameters());
        for (ParameterSpec spec : step.implementation().descriptor().parameterSpecs()) {
            String qualified = parameters.get(name(step) + "." + spec.name());
            String plain = parameters.get(spec.name());
            if (qualified != null) {
                merged.put(spec.name(), qualified);
            } else if (plain != null) {
                merged.put(spec.name(), plain);
            }
        }
        return merged;
    }

    private static String unknown(String template, String key, List<FlowEndpoint> open) {
        Set<String> known = new LinkedHashSet<>();
        open.forEach(s -> s.implementation().descriptor().parameterSpecs().forEach(p -> known.add(p.name())));
        String message = "unknown parameter '" + key + "' for template '" + template + "'; known: "
                + list(List.copyOf(known));
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(k, key)))
                .filter(best -> distance(best, key) <= 2)
                .map(best -> message + " (did you mean '" + best + "'?)")
                .orElse(message);
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

    /** Edit distance, case-insensitive, for the "did you mean" hint. */
    private static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
