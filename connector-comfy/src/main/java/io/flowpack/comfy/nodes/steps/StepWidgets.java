package io.flowpack.comfy.nodes.steps;

import io.flowpack.comfy.node.InputSpec;
import io.flowpack.step.ParameterSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step parameter's declaration ({@link ParameterSpec}, from its {@code @Param} record component) as a ComfyUI
 * widget input — the only place the mapping lives: {@code int}/{@code long} → {@code INT} (step 1), {@code float} →
 * {@code FLOAT} (step 0.01), {@code boolean} → {@code BOOLEAN}, {@code enum} and text with allowed values →
 * combo, other text → {@code STRING}; {@code default}, {@code min} and {@code max} as declared, the description as
 * {@code tooltip}.
 */
public final class StepWidgets {

    private StepWidgets() {
    }

    public static InputSpec input(ParameterSpec spec) {
        Map<String, Object> options = new LinkedHashMap<>();
        switch (spec.type()) {
            case "int", "long" -> {
                putIfPresent(options, "default", spec.defaultValue());
                putIfPresent(options, "min", integral(spec.min()));
                putIfPresent(options, "max", integral(spec.max()));
                options.put("step", 1);
            }
            case "float" -> {
                putIfPresent(options, "default", decimal(spec.defaultValue()));
                putIfPresent(options, "min", spec.min());
                putIfPresent(options, "max", spec.max());
                options.put("step", 0.01);
            }
            case "boolean" -> putIfPresent(options, "default", spec.defaultValue());
            case "enum", "string" -> {
                if (!spec.allowed().isEmpty()) {
                    putIfPresent(options, "default", spec.defaultValue());
                    putIfPresent(options, "tooltip", spec.description());
                    return InputSpec.combo(spec.name(), spec.allowed(), options);
                }
                options.put("default", spec.defaultValue() == null ? "" : spec.defaultValue().toString());
                options.put("multiline", false);
            }
            default -> throw new IllegalStateException("parameter '" + spec.name() + "' has type " + spec.type()
                    + ", which has no ComfyUI widget");
        }
        putIfPresent(options, "tooltip", spec.description());
        return new InputSpec(spec.name(), comfyType(spec.type()), options, List.of());
    }

    /**
     * The raw value to bind for a widget value: text parameters without a default take an empty widget as "not
     * set"; everything else passes as is for {@link io.flowpack.step.ParameterBinder} to check.
     */
    public static Object rawValue(ParameterSpec spec, Object widgetValue) {
        if (widgetValue instanceof String text && text.isEmpty() && spec.type().equals("string")
                && spec.defaultValue() == null) {
            return null;
        }
        return widgetValue;
    }

    private static String comfyType(String type) {
        return switch (type) {
            case "int", "long" -> "INT";
            case "float" -> "FLOAT";
            case "boolean" -> "BOOLEAN";
            default -> "STRING";
        };
    }

    /** A declared float default as the double it reads as ({@code 0.92f} → {@code 0.92}, not 0.9200000166893005). */
    private static Double decimal(Object value) {
        if (value instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Object integral(Double value) {
        if (value == null) {
            return null;
        }
        return value == Math.rint(value) && Math.abs(value) < 9.0e15 ? (Object) (long) value.doubleValue() : value;
    }

    private static void putIfPresent(Map<String, Object> options, String key, Object value) {
        if (value != null && !(value instanceof String text && text.isEmpty() && key.equals("tooltip"))) {
            options.put(key, value);
        }
    }
}
