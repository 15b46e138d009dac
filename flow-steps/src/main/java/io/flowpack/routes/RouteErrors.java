package io.flowpack.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns route loading failures into one readable reason and, where possible, a line of the route file. */
final class RouteErrors {
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern NODE = Pattern.compile(">>> \\w+\\[([^\\]]+)\\] <<<");

    private RouteErrors() {
    }

    /** The innermost meaningful message, e.g. "unknown step 'upscal'; known: convert, upscale". */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** The line named in a parse error, or the line where the failing endpoint URI appears, else 0. */
    static int line(Throwable e, Path file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = LINE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = NODE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return lineOf(file, m.group(1));
            }
        }
        return 0;
    }

    private static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            String needle = text.contains("?") ? text.substring(0, text.indexOf('?')) : text;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // the line is a convenience; the reason is reported anyway
        }
        return 0;
    }
}
