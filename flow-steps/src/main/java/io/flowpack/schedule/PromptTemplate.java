package io.flowpack.schedule;

import io.flowpack.schedule.expr.ExpressionException;
import io.flowpack.schedule.expr.MathExpression;
import io.flowpack.schedule.expr.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prompt whose {@code `expression`} spans are parsed once and evaluated per frame. The expressions may use
 * {@code t} (the frame), {@code max_f} (the last frame) and {@code pw_a}…{@code pw_d} (the prompt weights).
 */
final class PromptTemplate {
    static final Set<String> VARIABLES = Set.of("t", "max_f", "pw_a", "pw_b", "pw_c", "pw_d");

    private record Expr(MathExpression expression, SourceText source, int offset) {
    }

    private final List<Object> pieces;                       // String literals and Expr

    private PromptTemplate(List<Object> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    /**
     * @param offsets for each character of {@code text}, its offset in {@code source}'s text (for error positions)
     * @throws ScheduleException for a back-tick without its partner or an expression that cannot be parsed
     */
    static PromptTemplate parse(String text, int[] offsets, SourceText source) {
        List<Object> pieces = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf('`', from);
            if (open < 0) {
                pieces.add(text.substring(from));
                return new PromptTemplate(pieces);
            }
            int close = text.indexOf('`', open + 1);
            if (close < 0) {
                throw source.error("the back-tick expression that starts here has no closing '`'", offsets[open]);
            }
            pieces.add(text.substring(from, open));
            String body = text.substring(open + 1, close);
            try {
                pieces.add(new Expr(MathExpression.parse(body, VARIABLES), source, offsets[open] + 1));
            } catch (ExpressionException e) {
                int at = Math.min(open + 1 + e.offset(), close);
                throw source.error("in `" + body + "`: " + e.reason(), offsets[at]);
            }
            from = close + 1;
        }
    }

    static PromptTemplate literal(String text) {
        return new PromptTemplate(List.of(text));
    }

    /** The pieces of all templates in order. */
    static PromptTemplate concat(PromptTemplate... parts) {
        List<Object> all = new ArrayList<>();
        for (PromptTemplate part : parts) {
            all.addAll(part.pieces);
        }
        return new PromptTemplate(all);
    }

    /** FizzNodes' quirk: a combined prompt that ends in the character {@code 0} loses it. */
    PromptTemplate withoutTrailingZero() {
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1) instanceof String last && last.endsWith("0")) {
            List<Object> copy = new ArrayList<>(pieces);
            copy.set(copy.size() - 1, last.substring(0, last.length() - 1));
            return new PromptTemplate(copy);
        }
        return this;
    }

    /** The prompt at one frame: expressions replaced by their values, outer white space removed. */
    String render(Map<String, Value> variables, int frame) {
        StringBuilder out = new StringBuilder();
        for (Object piece : pieces) {
            if (piece instanceof String literal) {
                out.append(literal);
            } else {
                Expr expr = (Expr) piece;
                try {
                    out.append(expr.expression().evaluate(variables).text());
                } catch (ExpressionException e) {
                    throw expr.source().error("at frame " + frame + ", `" + expr.expression().text() + "`: "
                            + e.reason(), expr.offset() + e.offset());
                }
            }
        }
        return out.toString().strip();
    }
}
