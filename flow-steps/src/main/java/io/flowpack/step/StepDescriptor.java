package io.flowpack.step;

import java.util.List;
import java.util.Set;

/**
 * What a step is: its name, what it accepts and produces, and its parameter record.
 *
 * @param name        URI name, e.g. {@code upscale} in {@code flow:upscale?factor=2}
 * @param description one line
 * @param accepts     media types or wildcards ({@code image/*}) the step takes as input
 * @param produces    media types the step may produce
 * @param parameters  the record class declaring the parameters with {@link Param}
 * @param oneDocument whether all inputs of one command-line run form a single document (the morph step turns all
 *                    its keyframes into one video); otherwise each input file is a document of its own
 */
public record StepDescriptor(String name, String description, Set<String> accepts, Set<String> produces,
                             Class<? extends Record> parameters, boolean oneDocument) {

    /** A step that takes each input file as a document of its own. */
    public StepDescriptor(String name, String description, Set<String> accepts, Set<String> produces,
                          Class<? extends Record> parameters) {
        this(name, description, accepts, produces, parameters, false);
    }

    /** The same step, taking all inputs of a command-line run as one document. */
    public StepDescriptor asOneDocument() {
        return new StepDescriptor(name, description, accepts, produces, parameters, true);
    }

    public StepDescriptor {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("step name must be lower-case letters, digits and '-': " + name);
        }
        accepts = Set.copyOf(accepts);
        produces = Set.copyOf(produces);
    }

    /** The parameter declarations, derived from the record. */
    public List<ParameterSpec> parameterSpecs() {
        return ParameterBinder.specs(parameters);
    }

    public boolean accepts(String mediaType) {
        String type = mediaType.toLowerCase(java.util.Locale.ROOT);
        for (String accepted : accepts) {
            if (accepted.equals("*/*") || accepted.equals(type)
                    || (accepted.endsWith("/*") && type.startsWith(accepted.substring(0, accepted.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
