package io.flowpack.morph;

import io.flowpack.schedule.Keyframe;
import io.flowpack.schedule.PromptSchedule;
import io.flowpack.schedule.ScheduleScript;

import java.util.List;

/**
 * The timeline a FizzNodes-style prompt schedule implies for the morph: one keyframe image per keyframe the
 * schedule names (in frame order), shown at that keyframe's frame, and the schedule's own per-frame weights between
 * them. Its implicit first and last keyframes repeat the first and last prompt, which is what the timeline does
 * before the first and after the last keyframe anyway. A key naming frame {@code frames} ({@code max_f}) puts its
 * image on the last frame, with linear weights into it.
 */
public final class ScheduleTimeline {

    private ScheduleTimeline() {
    }

    /**
     * @param text      the schedule's keyframes, e.g. {@code "0": "apples on table", "30": "oranges on table"}
     * @param frames    the number of frames (the schedule's {@code max_f + 1})
     * @param keyframes the number of keyframe images, which must equal the keyframes the schedule names
     * @throws IllegalArgumentException for a malformed schedule (a {@code ScheduleException} with line and column)
     *                                  or a count that does not match
     */
    public static MorphTimeline of(String text, int frames, int keyframes) {
        PromptSchedule schedule = PromptSchedule.parse(ScheduleScript.parse(text, frames));
        List<Keyframe> named = schedule.keyframes().stream().filter(k -> !k.key().isEmpty()).toList();
        if (named.size() != keyframes) {
            throw new IllegalArgumentException("the schedule names " + named.size() + " keyframes but the document has "
                    + keyframes + " keyframe images");
        }
        int[] at = named.stream().mapToInt(Keyframe::frame).toArray();
        int last = at.length - 1;
        // a key of max_f names frame `frames` (FizzNodes' implicit end): its image is the video's last frame
        boolean endMoved = at[last] == frames && (last == 0 || at[last - 1] < frames - 2);
        if (endMoved) {
            at[last] = frames - 1;
        }
        int movedEnd = at[last];
        // FramePrompt.weight is the share of the current prompt; the timeline wants the share of the next keyframe
        FrameWeights weights = (frame, fromFrame, toFrame) -> endMoved && toFrame == movedEnd
                ? FrameWeights.LINEAR.weight(frame, fromFrame, toFrame)
                : 1 - schedule.frame(frame).weight();
        return MorphTimeline.at(at, frames, weights);
    }
}
