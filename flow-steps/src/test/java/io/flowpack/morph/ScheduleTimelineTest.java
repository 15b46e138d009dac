package io.flowpack.morph;

import io.flowpack.schedule.ScheduleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTimelineTest {
    /** The seed's schedule: 7 keyframes every 30 frames, 210 frames. */
    private static final String SEED = """
            "0": "apples on table,",   "30": "oranges on table,",  "60": "bananas on table,",
            "90": "ananas on table,night",  "120": "raspberry on table,sunset,",
            "150": "plums on table,",  "180": "strawberries on table,"
            """;

    @Test
    void theSeedSchedulePlacesSevenKeyframesAndWeighsLinearly() {
        MorphTimeline timeline = ScheduleTimeline.of(SEED, 210, 7);

        assertThat(timeline.frames()).isEqualTo(210);
        for (int i = 0; i < 7; i++) {
            assertThat(timeline.keyframeFrame(i)).isEqualTo(30 * i);
        }
        assertThat(timeline.blend(0)).isEqualTo(new FrameBlend(0, 0, 0));
        FrameBlend between = timeline.blend(45);
        assertThat(between.from()).isEqualTo(1);
        assertThat(between.to()).isEqualTo(2);
        assertThat(between.weight()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(timeline.blend(40).weight()).isCloseTo(10 / 30.0, org.assertj.core.data.Offset.offset(1e-9));
        // after the last named keyframe the schedule repeats the last prompt: the last image holds
        assertThat(timeline.blend(200)).isEqualTo(new FrameBlend(6, 6, 0));
    }

    @Test
    void keysAsExpressionsAndAMismatchedImageCount() {
        MorphTimeline timeline = ScheduleTimeline.of("\"0\": \"a\", \"max_f/2\": \"b\", \"max_f\": \"c\"", 11, 3);
        assertThat(timeline.keyframeFrame(1)).isEqualTo(5);
        assertThat(timeline.keyframeFrame(2)).isEqualTo(10);

        assertThatThrownBy(() -> ScheduleTimeline.of(SEED, 210, 5))
                .hasMessageContaining("names 7 keyframes but the document has 5 keyframe images");
        assertThatThrownBy(() -> ScheduleTimeline.of("\"0\": \"a\", \"1x\": \"b\"", 20, 2))
                .isInstanceOf(ScheduleException.class);
    }
}
