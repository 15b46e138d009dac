package io.flowpack.schedule.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A small arithmetic expression, parsed once and evaluated many times, with no access to anything but numbers:
 * literals ({@code 3}, {@code 0.5}, {@code 1e-3}), the variables it was parsed with, {@code + - * / % **} with
 * Python's precedence ({@code -2**2 == -4}, {@code **} right-associative, {@code %} takes the sign of the
 * divisor), parentheses, the constants {@code pi} and {@code e}, and the functions of {@link MathFunctions}.
 * Division by zero and results that are not finite numbers are errors.
 */
public final class MathExpression {
    private final String text;
    private final Node root;

    private MathExpression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * @param variables the names the expression may use
     * @throws ExpressionException with the offset of the first character that does not fit
     */
    public static MathExpression parse(String text, Set<String> variables) {
        Parser parser = new Parser(text, variables);
        Node root = parser.expression();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw new ExpressionException("unexpected '" + text.charAt(parser.pos) + "'", parser.pos);
        }
        return new MathExpression(text, root);
    }

    /** @throws ExpressionException for division by zero or a result that is not a finite number */
    public Value evaluate(Map<String, Value> variables) {
        Value value = root.eval(variables);
        if (!Double.isFinite(value.number())) {
            throw new ExpressionException("result is not a finite number (" + value.number() + ")", 0);
        }
        return value;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        Value eval(Map<String, Value> variables);
    }

    /** Recursive descent over the text; every node remembers its offset for evaluation errors. */
    private static final class Parser {
        private final String text;
        private final Set<String> variables;
        private int pos;

        Parser(String text, Set<String> variables) {
            this.text = text;
            this.variables = variables;
        }

        Node expression() {
            Node left = term();
            while (true) {
                skipSpace();
                int at = pos;
                if (accept('+')) {
                    left = arithmetic(left, term(), '+', at);
                } else if (accept('-')) {
                    left = arithmetic(left, term(), '-', at);
                } else {
                    return left;
                }
            }
        }

        private Node term() {
            Node left = unary();
            while (true) {
                skipSpace();
                int at = pos;
                if (peek('*') && !text.startsWith("**", pos)) {
                    pos++;
                    left = arithmetic(left, unary(), '*', at);
                } else if (accept('/')) {
                    left = arithmetic(left, unary(), '/', at);
                } else if (accept('%')) {
                    left = arithmetic(left, unary(), '%', at);
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            skipSpace();
            if (accept('-')) {
                Node operand = unary();
                return v -> {
                    Value x = operand.eval(v);
                    return new Value(-x.number(), x.integer());
                };
            }
            if (accept('+')) {
                return unary();
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            skipSpace();
            int at = pos;
            if (text.startsWith("**", pos)) {
                pos += 2;
                return arithmetic(base, unary(), '^', at);
            }
            return base;
        }

        private Node primary() {
            skipSpace();
            int start = pos;
            if (pos >= text.length()) {
                throw new ExpressionException("expression ends where a number, name or '(' was expected", pos);
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expression();
                skipSpace();
                if (!accept(')')) {
                    throw new ExpressionException("missing ')' for the '(' at character " + (start + 1), pos);
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                String name = text.substring(start, pos);
                skipSpace();
                if (peek('(')) {
                    return call(name, start);
                }
                if (variables.contains(name)) {
                    return v -> {
                        Value value = v.get(name);
                        if (value == null) {
                            throw new ExpressionException("no value for '" + name + "'", start);
                        }
                        return value;
                    };
                }
                Double constant = MathFunctions.CONSTANTS.get(name);
                if (constant != null) {
                    Value value = Value.of(constant);
                    return v -> value;
                }
                throw new ExpressionException("unknown name '" + name + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(variables)) + (variables.isEmpty() ? "" : ", ")
                        + "pi, e", start);
            }
            throw new ExpressionException("unexpected '" + c + "'", pos);
        }

        private Node number() {
            int start = pos;
            boolean integer = true;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                integer = false;
                pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    integer = false;
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = mark;
                }
            }
            String literal = text.substring(start, pos);
            if (literal.equals(".")) {
                throw new ExpressionException("'.' is not a number", start);
            }
            Value value;
            try {
                value = integer ? Value.ofInteger(Long.parseLong(literal)) : Value.of(Double.parseDouble(literal));
            } catch (NumberFormatException e) {
                throw new ExpressionException("number '" + literal + "' is too large", start);
            }
            return v -> value;
        }

        private Node call(String name, int start) {
            DoubleUnaryOperator unary = MathFunctions.UNARY.get(name);
            DoubleBinaryOperator binary = MathFunctions.BINARY.get(name);
            if (unary == null && binary == null) {
                throw new ExpressionException("unknown function '" + name + "'; allowed: "
                        + String.join(", ", MathFunctions.names()), start);
            }
            pos++;                                                       // '('
            List<Node> args = new ArrayList<>();
            skipSpace();
            if (!accept(')')) {
                do {
                    args.add(expression());
                    skipSpace();
                } while (accept(','));
                if (!accept(')')) {
                    throw new ExpressionException("missing ')' after the arguments of " + name + "()", pos);
                }
            }
            int expected = unary != null ? 1 : 2;
            if (args.size() != expected) {
                throw new ExpressionException(name + "() takes " + expected + " argument" + (expected == 1 ? "" : "s")
                        + ", got " + args.size(), start);
            }
            Node first = args.get(0);
            if (unary != null) {
                boolean keepsInteger = name.equals("abs");
                return v -> {
                    Value x = first.eval(v);
                    return new Value(unary.applyAsDouble(x.number()), keepsInteger && x.integer());
                };
            }
            Node second = args.get(1);
            boolean keepsInteger = name.equals("min") || name.equals("max");
            return v -> {
                Value x = first.eval(v);
                Value y = second.eval(v);
                return new Value(binary.applyAsDouble(x.number(), y.number()),
                        keepsInteger && x.integer() && y.integer());
            };
        }

        private static Node arithmetic(Node left, Node right, char op, int at) {
            return v -> apply(left.eval(v), right.eval(v), op, at);
        }

        private static Value apply(Value a, Value b, char op, int at) {
            boolean integers = a.integer() && b.integer();
            double x = a.number();
            double y = b.number();
            switch (op) {
                case '+':
                    return new Value(x + y, integers);
                case '-':
                    return new Value(x - y, integers);
                case '*':
                    return new Value(x * y, integers);
                case '/':
                    if (y == 0) {
                        throw new ExpressionException("division by zero", at);
                    }
                    return Value.of(x / y);
                case '%':
                    if (y == 0) {
                        throw new ExpressionException("modulo by zero", at);
                    }
                    return new Value(x - Math.floor(x / y) * y, integers);
                default:
                    double p = Math.pow(x, y);
                    return new Value(p, integers && y >= 0 && Math.abs(p) < 9.007199254740992E15);
            }
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private boolean accept(char c) {
            if (peek(c)) {
                pos++;
                return true;
            }
            return false;
        }
    }
}
