package io.flowpack.schedule;

/** Turns character offsets of a text into line and column for {@link ScheduleException}s. */
record SourceText(String name, String text) {

    ScheduleException error(String reason, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String where = name == null ? "" : name + ": ";
        return new ScheduleException(where + reason, line, offset - lineStart + 1);
    }
}
