package io.flowpack.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleScriptTest {

    @Test
    void theSeedsScriptWithItsGeneralLine() {
        String script = "general:  " + PromptScheduleTest.GENERAL + "\n" + PromptScheduleTest.SEED_KEYFRAMES;

        ScheduleSettings settings = ScheduleScript.parse(script, 210);
        PromptSchedule schedule = PromptSchedule.parse(settings);

        assertThat(settings.preText()).isEqualTo(PromptScheduleTest.GENERAL);
        assertThat(schedule.frame(15).currentPositive()).isEqualTo(PromptScheduleTest.GENERAL + " apples on table,");
        assertThat(schedule.weight(15)).isEqualTo(0.5);
        assertThat(schedule.keyframes()).hasSize(8);
    }

    @Test
    void appTextAndErrorLinesStayWhereTheyWere() {
        ScheduleSettings settings = ScheduleScript.parse("\"0\": \"a\",\napp_text: hd --neg blurry\n\"5\" \"b\"", 10);
        assertThat(settings.appText()).isEqualTo("hd --neg blurry");
        assertThatThrownBy(() -> PromptSchedule.parse(settings)).isInstanceOfSatisfying(ScheduleException.class,
                e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> ScheduleScript.parse("general: a\ngeneral: b\n\"0\": \"x\"", 5))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("line 2");
    }
}
