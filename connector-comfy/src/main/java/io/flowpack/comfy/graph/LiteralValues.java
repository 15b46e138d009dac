package io.flowpack.comfy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Literal input values: JSON to Java, and the coercions ComfyUI's validator applies ({@code int(v)},
 * {@code float(v)}, {@code str(v)}). One deliberate difference: {@code BOOLEAN} accepts JSON booleans, 0/1 and the
 * strings {@code "true"}/{@code "false"}, and refuses anything else, where Python's {@code bool("false")} is true.
 */
public final class LiteralValues {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private LiteralValues() {
    }

    /** The value with ComfyUI's {@code {"__value__": …}} wrapper removed. */
    public static JsonNode unwrap(JsonNode value) {
        if (value != null && value.isObject() && value.size() == 1 && value.has("__value__")) {
            return value.get("__value__");
        }
        return value;
    }

    /** Coerces a literal to an input type; throws with a Python-like message when it cannot. */
    public static Object coerce(JsonNode value, String type) {
        return switch (type) {
            case "INT" -> toInt(value);
            case "FLOAT" -> toFloat(value);
            case "STRING" -> toStr(value);
            case "BOOLEAN" -> toBool(value);
            default -> toJava(value);
        };
    }

    /** Plain Java: String, Integer/Long/BigInteger, Double, Boolean, null, List, Map. */
    public static Object toJava(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return narrow(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(toJava(v)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
        return map;
    }

    private static Object toInt(JsonNode value) {
        if (value.isIntegralNumber()) {
            return narrow(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("cannot convert float " + d + " to integer");
            }
            return narrow(new BigDecimal(d).toBigInteger());
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isTextual()) {
            String text = value.textValue().trim().replace("_", "");
            try {
                return narrow(new BigInteger(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid literal for int() with base 10: '" + value.textValue() + "'");
            }
        }
        throw new IllegalArgumentException("int() argument must be a string or a real number, not '" + jsonType(value) + "'");
    }

    private static Object toFloat(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1.0 : 0.0;
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("could not convert string to float: '" + value.textValue() + "'");
            }
        }
        throw new IllegalArgumentException("float() argument must be a string or a real number, not '" + jsonType(value) + "'");
    }

    private static Object toStr(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        return value.toString();
    }

    private static Object toBool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw new IllegalArgumentException(value + " is not a boolean (send true or false)");
    }

    private static Object narrow(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return value.longValue();
        }
        return value;
    }

    /** The Python type name of a JSON value, for messages. */
    static String jsonType(JsonNode value) {
        if (value == null || value.isNull()) {
            return "NoneType";
        }
        if (value.isArray()) {
            return "list";
        }
        if (value.isObject()) {
            return "dict";
        }
        if (value.isTextual()) {
            return "str";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isIntegralNumber() ? "int" : "float";
    }

    /** A number as Python prints it ({@code 5}, {@code 0.5}, {@code 1.0}). */
    static String pythonNumber(Object number) {
        if (number instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e16) {
            return BigDecimal.valueOf(d).setScale(1).toPlainString();
        }
        return String.valueOf(number);
    }

    /** Compares two numbers exactly (big integers included). */
    static int compare(Object a, Object b) {
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    static boolean isNumber(Object value) {
        return value instanceof Number && !(value instanceof Double d && d.isNaN());
    }

    private static BigDecimal toBigDecimal(Object number) {
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(((Number) number).doubleValue());
        }
        if (number instanceof BigDecimal big) {
            return big;
        }
        return BigDecimal.valueOf(((Number) number).longValue());
    }
}
