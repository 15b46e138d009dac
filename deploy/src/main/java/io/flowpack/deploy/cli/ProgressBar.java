package io.flowpack.deploy.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal, one line per item otherwise (logs, CI). */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final int total;
    private final boolean terminal;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
        this.terminal = System.console() != null;
    }

    /** Names the item being worked on; only a terminal shows it, logs get one line per finished item. */
    void starting(int done, int failed, String current) {
        if (terminal) {
            show(done, failed, current);
        }
    }

    void show(int done, int failed, String current) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                + (failed > 0 ? " (" + failed + " failed)" : "") + " " + current;
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, 20 - current.length())));
            if (done == total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }
}
