package io.flowpack.comfy.graph;

import java.util.ArrayList;
import java.util.List;

/** A Java stack trace in the shape of Python's {@code traceback.format_tb}: one string per frame. */
public final class Tracebacks {

    private static final int MAX_FRAMES = 40;

    private Tracebacks() {
    }

    public static List<String> of(Throwable error) {
        List<String> lines = new ArrayList<>();
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
            lines.add("  at " + frames[i] + "\n");
        }
        if (frames.length > MAX_FRAMES) {
            lines.add("  ... " + (frames.length - MAX_FRAMES) + " more\n");
        }
        for (Throwable cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
            lines.add("Caused by: " + cause + "\n");
            if (cause.getCause() == cause) {
                break;
            }
        }
        return lines;
    }
}
