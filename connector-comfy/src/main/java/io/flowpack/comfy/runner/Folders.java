package io.flowpack.comfy.runner;

import java.nio.file.Path;

/** ComfyUI's folder types {@code input}, {@code output}, {@code temp}. */
final class Folders {

    private Folders() {
    }

    /** The folder of a type name; null for an unknown type. */
    static Path byType(RunnerSettings settings, String type) {
        return switch (type) {
            case "input" -> settings.inputDirectory();
            case "output" -> settings.outputDirectory();
            case "temp" -> settings.tempDirectory();
            default -> null;
        };
    }
}
