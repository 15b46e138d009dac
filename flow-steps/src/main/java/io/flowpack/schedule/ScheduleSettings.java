package io.flowpack.schedule;

/**
 * The inputs of FizzNodes' {@code BatchPromptSchedule} that decide the prompts.
 *
 * @param text      the keyframes, e.g. {@code "0": "apples on a table", "30": "oranges on a table",}
 * @param maxFrames number of frames (frames are 0 … maxFrames−1); keys may say {@code max_f} for it
 * @param preText   text put before every prompt (the general prompt); may contain {@code --neg}
 * @param appText   text appended to every prompt; may contain {@code --neg}
 * @param weights   values of {@code pw_a}…{@code pw_d} for back-tick expressions
 */
public record ScheduleSettings(String text, int maxFrames, String preText, String appText, PromptWeights weights) {

    public ScheduleSettings {
        if (maxFrames < 1) {
            throw new ScheduleException("the number of frames must be at least 1, got " + maxFrames, 0, 0);
        }
        preText = preText == null ? "" : preText;
        appText = appText == null ? "" : appText;
        weights = weights == null ? PromptWeights.NONE : weights;
    }

    public ScheduleSettings(String text, int maxFrames) {
        this(text, maxFrames, "", "", PromptWeights.NONE);
    }

    public ScheduleSettings(String text, int maxFrames, String preText) {
        this(text, maxFrames, preText, "", PromptWeights.NONE);
    }
}
