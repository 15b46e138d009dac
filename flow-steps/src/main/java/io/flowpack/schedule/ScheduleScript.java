package io.flowpack.schedule;

import java.util.Locale;

/**
 * A schedule as one text, the way the seed's example writes it: FizzNodes keyframes plus optional header lines
 * {@code general: …} (or {@code pre_text: …}) for the text before every prompt and {@code app_text: …} for the text
 * after it:
 * <pre>
 * general:  cartoon of a wooden table, modern room, high details,
 * "0": "apples on table,",   "30": "oranges on table,"
 * </pre>
 * Header lines are blanked, not removed, so errors in the keyframes keep their line numbers.
 */
public final class ScheduleScript {

    private ScheduleScript() {
    }

    public static ScheduleSettings parse(String script, int maxFrames) {
        return parse(script, maxFrames, PromptWeights.NONE);
    }

    public static ScheduleSettings parse(String script, int maxFrames, PromptWeights weights) {
        String[] lines = (script == null ? "" : script).split("\n", -1);
        String pre = null;
        String app = null;
        StringBuilder keyframes = new StringBuilder(script == null ? 0 : script.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String header = line.stripLeading().toLowerCase(Locale.ROOT);
            String value = line.substring(line.indexOf(':') + 1).strip();
            if (header.startsWith("general:") || header.startsWith("pre_text:")) {
                pre = joined(pre, value, i + 1, "general/pre_text");
                line = "";
            } else if (header.startsWith("app_text:")) {
                app = joined(app, value, i + 1, "app_text");
                line = "";
            }
            keyframes.append(line);
            if (i + 1 < lines.length) {
                keyframes.append('\n');
            }
        }
        return new ScheduleSettings(keyframes.toString(), maxFrames, pre, app, weights);
    }

    private static String joined(String earlier, String value, int line, String name) {
        if (earlier != null) {
            throw new ScheduleException("a second " + name + " line; write the text on one line", line, 1);
        }
        return value;
    }
}
