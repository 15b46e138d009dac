package io.flowpack.step;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds raw parameter values (URI options, form fields, JSON) to a step's parameter record, and describes
 * the record as {@link ParameterSpec}s. Every error names the step, the parameter and what is allowed.
 */
public final class ParameterBinder {
    private static final Map<Class<?>, List<ParameterSpec>> SPECS = new ConcurrentHashMap<>();

    private ParameterBinder() {
    }

    public static List<ParameterSpec> specs(Class<? extends Record> type) {
        return SPECS.computeIfAbsent(type, t -> {
            List<ParameterSpec> specs = new ArrayList<>();
            for (RecordComponent component : t.getRecordComponents()) {
                specs.add(spec(component));
            }
            return List.copyOf(specs);
        });
    }

    /** The record with every parameter at its default. */
    public static <P extends Record> P defaults(String step, Class<P> type) {
        return bind(step, type, Map.of());
    }

    /**
     * Binds {@code raw} (names to text, numbers or booleans) to a new {@code type} instance.
     *
     * @throws ParameterException for an unknown name, a value of the wrong type, out of range or not allowed
     */
    public static <P extends Record> P bind(String step, Class<P> type, Map<String, ?> raw) {
        RecordComponent[] components = type.getRecordComponents();
        List<ParameterSpec> specs = specs(type);
        for (String name : raw.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                throw new ParameterException(unknownMessage("step '" + step + "'", name,
                        specs.stream().map(ParameterSpec::name).toList()));
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            ParameterSpec spec = specs.get(i);
            types[i] = components[i].getType();
            Object value = raw.containsKey(spec.name()) ? raw.get(spec.name()) : spec.defaultValue();
            values[i] = convert(step, spec, components[i].getType(), value);
        }
        try {
            Constructor<P> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ParameterException("invalid parameters for step '" + step + "': " + cause.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("parameter record " + type.getName() + " cannot be constructed", e);
        }
    }

    /** The bound values by name, for the audit. */
    public static Map<String, Object> toMap(Record params) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : params.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(params);
                map.put(component.getName(), value instanceof Enum<?> e ? enumName(e) : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return map;
    }

    private static ParameterSpec spec(RecordComponent component) {
        Param param = component.getAnnotation(Param.class);
        String name = component.getName();
        if (param == null) {
            throw new IllegalStateException("parameter record component '" + name + "' of "
                    + component.getDeclaringRecord().getName() + " lacks @Param");
        }
        Class<?> type = component.getType();
        String typeName = typeName(type);
        List<String> allowed = type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(c -> enumName((Enum<?>) c)).toList()
                : List.of(param.allowed());
        Double min = Double.isNaN(param.min()) ? null : param.min();
        Double max = Double.isNaN(param.max()) ? null : param.max();
        ParameterSpec untyped = new ParameterSpec(name, typeName, null, min, max, allowed, param.description());
        Object defaultValue = param.defaultValue().isEmpty() && (type == String.class)
                ? null
                : parse("(declaration)", untyped, type, param.defaultValue());
        return new ParameterSpec(name, typeName, defaultValue instanceof Enum<?> e ? enumName(e) : defaultValue,
                min, max, allowed, param.description());
    }

    private static Object convert(String step, ParameterSpec spec, Class<?> type, Object value) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new ParameterException("parameter '" + spec.name() + "' of step '" + step + "' needs a value");
            }
            return null;
        }
        Object typed = value instanceof String text ? parse(step, spec, type, text) : coerce(step, spec, type, value);
        check(step, spec, typed);
        return typed;
    }

    private static Object parse(String step, ParameterSpec spec, Class<?> type, String text) {
        String trimmed = text.trim();
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(trimmed);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(trimmed);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(trimmed);
            }
            if (type == float.class || type == Float.class) {
                return Float.parseFloat(trimmed);
            }
        } catch (NumberFormatException e) {
            throw new ParameterException("parameter '" + spec.name() + "' of step '" + step + "' must be "
                    + article(spec.type()) + ", got '" + text + "'");
        }
        if (type == boolean.class || type == Boolean.class) {
            if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(trimmed);
            }
            throw new ParameterException("parameter '" + spec.name() + "' of step '" + step
                    + "' must be true or false, got '" + text + "'");
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (enumName((Enum<?>) constant).equalsIgnoreCase(trimmed)) {
                    return constant;
                }
            }
            throw new ParameterException("parameter '" + spec.name() + "' of step '" + step + "' must be one of "
                    + String.join(", ", spec.allowed()) + "; got '" + text + "'");
        }
        if (type == String.class) {
            return text;
        }
        throw new IllegalStateException("unsupported parameter type " + type.getName() + " for '" + spec.name() + "'");
    }

    private static Object coerce(String step, ParameterSpec spec, Class<?> type, Object value) {
        if (value instanceof Number number) {
            if ((type == int.class || type == Integer.class || type == long.class || type == Long.class)
                    && number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new ParameterException("parameter '" + spec.name() + "' of step '" + step
                        + "' must be an integer, got " + number);
            }
            if (type == int.class || type == Integer.class) {
                return number.intValue();
            }
            if (type == long.class || type == Long.class) {
                return number.longValue();
            }
            if (type == double.class || type == Double.class) {
                return number.doubleValue();
            }
            if (type == float.class || type == Float.class) {
                return number.floatValue();
            }
        }
        if (value instanceof Boolean && (type == boolean.class || type == Boolean.class)) {
            return value;
        }
        if (type.isInstance(value)) {
            return value;
        }
        return parse(step, spec, type, String.valueOf(value));
    }

    private static void check(String step, ParameterSpec spec, Object value) {
        if (value instanceof Number number) {
            double v = number.doubleValue();
            if ((spec.min() != null && v < spec.min()) || (spec.max() != null && v > spec.max())) {
                throw new ParameterException("parameter '" + spec.name() + "' of step '" + step + "' must be "
                        + range(spec) + ", got " + value);
            }
        }
        if (value instanceof String text && !spec.allowed().isEmpty() && !spec.allowed().contains(text)) {
            throw new ParameterException("parameter '" + spec.name() + "' of step '" + step + "' must be one of "
                    + String.join(", ", spec.allowed()) + "; got '" + text + "'");
        }
    }

    private static String range(ParameterSpec spec) {
        if (spec.min() != null && spec.max() != null) {
            return "between " + number(spec.min()) + " and " + number(spec.max());
        }
        return spec.min() != null ? "at least " + number(spec.min()) : "at most " + number(spec.max());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * "unknown parameter 'facter' for step 'upscale'; known: factor, method (did you mean 'factor'?)": the message for
     * a name that {@code subject} (a step, a template, a route) does not declare.
     */
    public static String unknownMessage(String subject, String name, java.util.Collection<String> known) {
        String message = "unknown parameter '" + name + "' for " + subject + "; known: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known));
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))))
                .filter(best -> distance(best.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) <= 2)
                .map(best -> message + " (did you mean '" + best + "'?)")
                .orElse(message);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "int";
        }
        if (type == long.class || type == Long.class) {
            return "long";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "float";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type == String.class) {
            return "string";
        }
        throw new IllegalStateException("unsupported parameter type " + type.getName());
    }

    private static String article(String type) {
        return switch (type) {
            case "int", "long" -> "an integer";
            case "float" -> "a number";
            default -> "a " + type;
        };
    }

    static String enumName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
