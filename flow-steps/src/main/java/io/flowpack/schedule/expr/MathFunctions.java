package io.flowpack.schedule.expr;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The functions an expression may call: numexpr's math functions (plus a few aliases) and nothing else. */
final class MathFunctions {
    static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(
            Map.entry("sin", Math::sin), Map.entry("cos", Math::cos), Map.entry("tan", Math::tan),
            Map.entry("arcsin", Math::asin), Map.entry("arccos", Math::acos), Map.entry("arctan", Math::atan),
            Map.entry("asin", Math::asin), Map.entry("acos", Math::acos), Map.entry("atan", Math::atan),
            Map.entry("sinh", Math::sinh), Map.entry("cosh", Math::cosh), Map.entry("tanh", Math::tanh),
            Map.entry("arcsinh", x -> Math.log(x + Math.sqrt(x * x + 1))),
            Map.entry("arccosh", x -> Math.log(x + Math.sqrt(x * x - 1))),
            Map.entry("arctanh", x -> 0.5 * Math.log((1 + x) / (1 - x))),
            Map.entry("sqrt", Math::sqrt), Map.entry("exp", Math::exp), Map.entry("expm1", Math::expm1),
            Map.entry("log", Math::log), Map.entry("log10", Math::log10), Map.entry("log1p", Math::log1p),
            Map.entry("abs", Math::abs), Map.entry("floor", Math::floor), Map.entry("ceil", Math::ceil));
    static final Map<String, DoubleBinaryOperator> BINARY = Map.of(
            "arctan2", Math::atan2, "atan2", Math::atan2, "min", Math::min, "max", Math::max);
    static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E);

    private MathFunctions() {
    }

    /** Every function name, sorted, for messages. */
    static Set<String> names() {
        Set<String> names = new TreeSet<>(UNARY.keySet());
        names.addAll(BINARY.keySet());
        return names;
    }
}
