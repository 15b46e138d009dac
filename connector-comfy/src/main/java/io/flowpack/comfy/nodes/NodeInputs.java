package io.flowpack.comfy.nodes;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to a node's resolved inputs. The runner has validated types and ranges already; these checks give
 * a precise {@code ValueError} when a node is called directly with something else.
 */
public final class NodeInputs {
    private final String node;
    private final Map<String, Object> inputs;

    public NodeInputs(String node, Map<String, Object> inputs) {
        this.node = node;
        this.inputs = inputs;
    }

    public ImageBatch image(String name) throws NodeException {
        return required(name, ImageBatch.class, "an IMAGE");
    }

    public Optional<MaskBatch> optionalMask(String name) throws NodeException {
        return inputs.get(name) == null ? Optional.empty() : Optional.of(required(name, MaskBatch.class, "a MASK"));
    }

    public int integer(String name) throws NodeException {
        Object value = present(name);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(name, "an integer", value);
    }

    public double number(String name) throws NodeException {
        Object value = present(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(name, "a number", value);
    }

    public boolean bool(String name) throws NodeException {
        return required(name, Boolean.class, "a boolean");
    }

    public String text(String name) throws NodeException {
        Object value = present(name);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw invalid(name, "a string", value);
    }

    /** A combo value that must be one of {@code choices}. */
    public String choice(String name, List<String> choices) throws NodeException {
        String value = text(name);
        if (!choices.contains(value)) {
            throw new NodeException(node + ": value of '" + name + "' not in list: '" + value + "' not in "
                    + choices, null, "ValueError");
        }
        return value;
    }

    public <T> T required(String name, Class<T> type, String what) throws NodeException {
        Object value = present(name);
        if (!type.isInstance(value)) {
            throw invalid(name, what, value);
        }
        return type.cast(value);
    }

    private Object present(String name) throws NodeException {
        Object value = inputs.get(name);
        if (value == null) {
            throw new NodeException(node + ": required input '" + name + "' is missing", null, "ValueError");
        }
        return value;
    }

    private NodeException invalid(String name, String what, Object value) {
        return new NodeException(node + ": input '" + name + "' must be " + what + ", got "
                + value.getClass().getSimpleName() + " " + abbreviate(value), null, "ValueError");
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
