package io.flowpack.deploy.comfy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * flowpack's ComfyUI-compatible graph runner, under {@code flowpack.comfy.runner.*}.
 *
 * @param enabled       whether {@code flowpack serve} starts the runner
 * @param host          address to bind; a non-loopback address needs a {@code token}
 * @param port          its own port (ComfyUI's 8188); 0 picks a free one
 * @param dataDir       folder of ComfyUI's {@code input}, {@code output}, {@code temp} and {@code user} folders;
 *                      default {@code <flowpack.data-dir>/comfy}
 * @param frontEndRoot  folder of a ComfyUI web frontend build ({@code index.html} and assets) served at {@code /};
 *                      unset: no frontend
 * @param token         required as {@code Authorization: Bearer …} or {@code ?token=…}; unset: none (loopback only)
 * @param maxUploadSize largest upload ({@code /upload/image}, {@code /upload/mask}, user data)
 * @param maxHistory    finished prompts kept in the in-memory history
 */
@ConfigurationProperties(prefix = "flowpack.comfy.runner")
public record ComfyRunnerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8188") int port,
        Path dataDir,
        Path frontEndRoot,
        String token,
        @DefaultValue("100MB") DataSize maxUploadSize,
        @DefaultValue("10000") int maxHistory) {
}
