package io.flowpack.schedule.expr;

/**
 * A number as numexpr would type it: whole numbers stay integers through {@code + - * % **}; {@code /} and the
 * math functions give floats. The type decides how the result is printed ({@code 5} versus {@code 5.0}).
 */
public record Value(double number, boolean integer) {

    public static Value of(double number) {
        return new Value(number, false);
    }

    public static Value ofInteger(long number) {
        return new Value(number, true);
    }

    /** Printed as Python prints a numpy scalar: {@code 5}, {@code 2.5}, {@code 1.0}, {@code 1e-05}. */
    public String text() {
        return integer ? Long.toString((long) number) : PythonFloat.repr(number);
    }
}
