package io.flowpack.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PromptScheduleTest {
    /** The seed's schedule from issue 6: a general prompt, seven keyframes, 8 fps, 210 frames. */
    static final String GENERAL = "cartoon of a wooden table, modern room, landscape through window, high details,";
    static final String SEED_KEYFRAMES = """
            "0": "apples on table,",   "30": "oranges on table,",  "60": "bananas on table,",
            "90": "ananas on table,night",  "120": "raspberry on table,sunset,",
            "150": "plums on table,",  "180": "strawberries on table,"
            """;

    private static String g(String prompt) {
        return GENERAL + " " + prompt;            // pre_text + " " + prompt + " " + "", stripped
    }

    @Test
    void seedScheduleGolden() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings(SEED_KEYFRAMES, 210, GENERAL));

        // 7 keyframes plus the implicit last one at max_frames = 210 (a copy of "180")
        assertThat(schedule.keyframes()).extracting(Keyframe::frame)
                .containsExactly(0, 30, 60, 90, 120, 150, 180, 210);
        assertThat(schedule.frames()).hasSize(210);

        expect(schedule.frame(0), "apples on table,", "oranges on table,", 1.0);
        expect(schedule.frame(15), "apples on table,", "oranges on table,", 0.5);          // 1 − 15/30
        expect(schedule.frame(29), "apples on table,", "oranges on table,", 1.0 / 30);     // 1 − 29/30
        expect(schedule.frame(30), "oranges on table,", "bananas on table,", 1.0);
        expect(schedule.frame(45), "oranges on table,", "bananas on table,", 0.5);
        expect(schedule.frame(90), "ananas on table,night", "raspberry on table,sunset,", 1.0);
        expect(schedule.frame(180), "strawberries on table,", "strawberries on table,", 1.0);
        expect(schedule.frame(209), "strawberries on table,", "strawberries on table,", 1.0 / 30); // 1 − 29/30 to 210
        assertThat(schedule.frame(15).currentNegative()).isEmpty();
        assertThat(schedule.frame(15).nextNegative()).isEmpty();
    }

    private static void expect(FramePrompt frame, String current, String next, double weight) {
        assertThat(frame.currentPositive()).isEqualTo(g(current));
        assertThat(frame.nextPositive()).isEqualTo(g(next));
        assertThat(frame.weight()).isCloseTo(weight, within(1e-12));
    }

    @Test
    void implicitFirstKeyframeCopiesTheFirstPrompt() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings("\"10\": \"a\", \"20\": \"b\",", 30));

        assertThat(schedule.keyframes()).extracting(Keyframe::frame).containsExactly(0, 10, 20, 30);
        assertThat(schedule.frame(5)).isEqualTo(new FramePrompt(5, "a", "a", "", "", 0.5));
        assertThat(schedule.frame(10)).isEqualTo(new FramePrompt(10, "a", "b", "", "", 1.0));
        assertThat(schedule.frame(25)).isEqualTo(new FramePrompt(25, "b", "b", "", "", 0.5));
    }

    @Test
    void expressionKeysUseMaxFrames() {
        // FizzNodes evaluates keys with max_f = max_frames: 48/2 = 24.0 → frame 24
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings(
                "\"0\": \"apples\", \"max_f/2\": \"oranges\", \"max_f - 1\": \"lemons\"", 48));

        assertThat(schedule.keyframes()).extracting(Keyframe::frame).containsExactly(0, 24, 47, 48);
        assertThat(schedule.frame(12).weight()).isEqualTo(0.5);
        assertThat(schedule.frame(24).currentPositive()).isEqualTo("oranges");
    }

    @Test
    void negSplitsPromptsPreAndAppText() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings("\"0\": \"cat --neg dog\"", 4,
                "best, --neg blurry", "hd --neg lowres", PromptWeights.NONE));

        FramePrompt frame = schedule.frame(0);
        // "best, " + " " + "cat " + " " + "hd " stripped; " blurry" + " " + " dog" + " " + " lowres" stripped
        assertThat(frame.currentPositive()).isEqualTo("best,  cat  hd");
        assertThat(frame.currentNegative()).isEqualTo("blurry  dog  lowres");
    }

    @Test
    void backTickExpressionsAreEvaluatedPerFrame() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings(
                "\"0\": \"a (b:`0.5+0.5*t/max_f`) c`t*2` d`sqrt(t)` e`pw_a*2` f`-7 % 3`\"", 11, "", "",
                PromptWeights.constant(0.3, 0, 0, 0)));

        // t/max_f is a true division; t*2 stays an integer; sqrt gives a float; -7 % 3 is 2 as in Python
        assertThat(schedule.frame(0).currentPositive()).isEqualTo("a (b:0.5) c0 d0.0 e0.6 f2");
        assertThat(schedule.frame(5).currentPositive()).isEqualTo("a (b:0.75) c10 d2.23606797749979 e0.6 f2");
        assertThat(schedule.frame(10).currentPositive()).isEqualTo("a (b:1.0) c20 d3.1622776601683795 e0.6 f2");
    }

    @Test
    void perFrameWeights() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings("\"0\": \"(x:`pw_b`)\"", 3, "", "",
                PromptWeights.perFrame(new double[]{0}, new double[]{0.25, 0.5, 1}, new double[]{0}, new double[]{0})));

        assertThat(schedule.frames()).extracting(FramePrompt::currentPositive)
                .containsExactly("(x:0.25)", "(x:0.5)", "(x:1.0)");
    }

    @Test
    void trailingZeroQuirkOfFizzNodesIsKept() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings("\"0\": \"a\"", 2, "", "v2.0",
                PromptWeights.NONE));

        assertThat(schedule.frame(0).currentPositive()).isEqualTo("a v2.");
    }

    @Test
    void lineBreaksInsidePromptsAreRemovedAsFizzNodesDoes() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings("\"0\": \"apples\n on table\",\n", 2));

        assertThat(schedule.frame(0).currentPositive()).isEqualTo("apples on table");
    }

    @Test
    void errorsPointAtTheOffendingCharacter() {
        assertError("\"0\": \"a\",\n\"30\" \"b\"", 2, 6, "expected ':' after the key \"30\"");
        assertError("\"0\": \"a\",\n  \"30\": \"b", 2, 9, "has no closing '\"'");
        assertError("\"0\": \"a\",\n\"30\": \"x (y:`foo(t)`)\"", 2, 14, "unknown function 'foo'");
        assertError("\"0\": \"a\",\n\"30\": \"x (y:`t+`)\"", 2, 16, "expression ends");
        assertError("\"0\": \"a `t\"", 1, 9, "back-tick expression that starts here has no closing");
        assertError("\"0\": \"a\", \"max_f/\": \"b\"", 1, 18, "key \"max_f/\"");
        assertError("\"0\": \"a\", \"-3\": \"b\"", 1, 12, "frames start at 0");
        assertError("\"0\": \"a\", \"2.5\": \"b\"", 1, 12, "not a whole frame number");
        assertError("\"24\": \"a\",\n\"max_f/2\": \"b\"", 2, 2, "which key \"24\" already names");
        assertError("\"0\": \"a\",, ", 1, 10, "two commas");
        assertError("{\"0\": \"a\"}", 1, 1, "without surrounding { }");
        assertError("\"0\": \"`__import__(\\\"os\\\")`\"", 1, 8, "unknown function '__import__'");
        assertThatThrownBy(() -> PromptSchedule.parse(new ScheduleSettings("  \n ", 10)))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("no keyframes");
    }

    @Test
    void evaluationErrorsNameTheFrame() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings("\"0\": \"(x:`1/t`)\"", 3));

        assertThat(schedule.frame(2).currentPositive()).isEqualTo("(x:0.5)");
        assertThatThrownBy(() -> schedule.frame(0)).isInstanceOf(ScheduleException.class)
                .hasMessageContaining("at frame 0").hasMessageContaining("division by zero");
    }

    private static void assertError(String text, int line, int column, String message) {
        assertThatThrownBy(() -> PromptSchedule.parse(new ScheduleSettings(text, 48)))
                .isInstanceOfSatisfying(ScheduleException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(List.of(e.line(), e.column())).as(e.getMessage()).containsExactly(line, column);
                });
    }
}
