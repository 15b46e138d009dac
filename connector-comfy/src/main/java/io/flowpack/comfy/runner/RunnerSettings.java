package io.flowpack.comfy.runner;

import java.nio.file.Path;

/**
 * How a {@link ComfyRunner} is started.
 *
 * @param host            address to bind (blank: 127.0.0.1); anything but a loopback address requires a {@code token}
 * @param port            TCP port; 0 picks a free one
 * @param inputDirectory  ComfyUI's {@code input} folder (uploads, {@code LoadImage})
 * @param outputDirectory ComfyUI's {@code output} folder ({@code SaveImage})
 * @param tempDirectory   ComfyUI's {@code temp} folder ({@code PreviewImage}); emptied at start
 * @param userDirectory   user settings and saved workflows of the web frontend ({@code /settings}, {@code /userdata})
 * @param frontEndRoot    folder of a ComfyUI web frontend build (with {@code index.html}) served at {@code /}; null
 *                        for none
 * @param token           required as {@code Authorization: Bearer …} or {@code ?token=…} when set; null for none
 * @param maxUploadBytes  largest request body accepted by the upload routes
 * @param maxHistory      finished prompts kept in the history (oldest dropped first)
 */
public record RunnerSettings(String host, int port, Path inputDirectory, Path outputDirectory, Path tempDirectory,
                             Path userDirectory, Path frontEndRoot, String token, long maxUploadBytes,
                             int maxHistory) {

    public static final int DEFAULT_PORT = 8188;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_MAX_HISTORY = 10_000;

    public RunnerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (maxUploadBytes <= 0 || maxHistory <= 0) {
            throw new IllegalArgumentException("max upload size and max history must be positive");
        }
        token = token == null || token.isBlank() ? null : token;
        host = host == null || host.isBlank() ? "127.0.0.1" : host.trim();
        if (inputDirectory == null || outputDirectory == null || tempDirectory == null || userDirectory == null) {
            throw new IllegalArgumentException("the input, output, temp and user folders must be set");
        }
    }

    /** Loopback on 8188, the four folders under {@code dataDirectory}, no frontend, no token, 100 MB uploads. */
    public static RunnerSettings under(Path dataDirectory) {
        return new RunnerSettings("127.0.0.1", DEFAULT_PORT, dataDirectory.resolve("input"),
                dataDirectory.resolve("output"), dataDirectory.resolve("temp"), dataDirectory.resolve("user"), null,
                null, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_HISTORY);
    }

    public RunnerSettings withPort(int newPort) {
        return new RunnerSettings(host, newPort, inputDirectory, outputDirectory, tempDirectory, userDirectory,
                frontEndRoot, token, maxUploadBytes, maxHistory);
    }

    public RunnerSettings withHost(String newHost) {
        return new RunnerSettings(newHost, port, inputDirectory, outputDirectory, tempDirectory, userDirectory,
                frontEndRoot, token, maxUploadBytes, maxHistory);
    }

    public RunnerSettings withToken(String newToken) {
        return new RunnerSettings(host, port, inputDirectory, outputDirectory, tempDirectory, userDirectory,
                frontEndRoot, newToken, maxUploadBytes, maxHistory);
    }

    public RunnerSettings withFrontEndRoot(Path root) {
        return new RunnerSettings(host, port, inputDirectory, outputDirectory, tempDirectory, userDirectory, root,
                token, maxUploadBytes, maxHistory);
    }

    public RunnerSettings withMaxUploadBytes(long bytes) {
        return new RunnerSettings(host, port, inputDirectory, outputDirectory, tempDirectory, userDirectory,
                frontEndRoot, token, bytes, maxHistory);
    }

    public RunnerSettings withMaxHistory(int entries) {
        return new RunnerSettings(host, port, inputDirectory, outputDirectory, tempDirectory, userDirectory,
                frontEndRoot, token, maxUploadBytes, entries);
    }
}
