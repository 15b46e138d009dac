package io.flowpack.schedule.expr;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MathExpressionTest {

    private static String eval(String text) {
        return MathExpression.parse(text, Set.of("t")).evaluate(Map.of("t", Value.ofInteger(3))).text();
    }

    @Test
    void pythonPrecedenceAndTypes() {
        assertThat(eval("1 + 2 * 3")).isEqualTo("7");
        assertThat(eval("-2**2")).isEqualTo("-4");
        assertThat(eval("2**3**2")).isEqualTo("512");
        assertThat(eval("(1 + 2) * t")).isEqualTo("9");
        assertThat(eval("t / 2")).isEqualTo("1.5");
        assertThat(eval("6 / 2")).isEqualTo("3.0");
        assertThat(eval("-7 % 3")).isEqualTo("2");
        assertThat(eval("7.5 % 2")).isEqualTo("1.5");
        assertThat(eval("0.1 + 0.2")).isEqualTo("0.30000000000000004");
        assertThat(eval("1e-5")).isEqualTo("1e-05");
        assertThat(eval("1e16")).isEqualTo("1e+16");
        assertThat(eval("abs(-t)")).isEqualTo("3");
        assertThat(eval("max(t, 5)")).isEqualTo("5");
        assertThat(eval("sin(0)")).isEqualTo("0.0");
        assertThat(eval("floor(pi)")).isEqualTo("3.0");
        assertThat(eval("arctan2(1, 1) * 4")).isEqualTo(Double.toString(Math.PI));
    }

    @Test
    void refusesAnythingButArithmetic() {
        assertThatThrownBy(() -> eval("open(t)")).hasMessageContaining("unknown function 'open'");
        assertThatThrownBy(() -> eval("x + 1")).hasMessageContaining("unknown name 'x'");
        assertThatThrownBy(() -> eval("t; 1")).hasMessageContaining("unexpected ';'");
        assertThatThrownBy(() -> eval("(t + 1")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> eval("sin(1, 2)")).hasMessageContaining("sin() takes 1 argument");
        assertThatThrownBy(() -> eval("t / 0")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> eval("sqrt(-1)")).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> eval("'a'")).isInstanceOfSatisfying(ExpressionException.class,
                e -> assertThat(e.offset()).isZero());
    }
}
