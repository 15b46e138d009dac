package io.flowpack.comfy.graph;

import io.flowpack.imaging.ImageLimits;

import java.nio.file.Path;

/**
 * The folders and limits every node call sees through its {@link io.flowpack.comfy.node.NodeContext}.
 *
 * @param inputDirectory  ComfyUI's {@code input} folder
 * @param outputDirectory ComfyUI's {@code output} folder
 * @param tempDirectory   ComfyUI's {@code temp} folder
 * @param imageLimits     the limits for every image a node decodes
 */
public record NodeEnvironment(Path inputDirectory, Path outputDirectory, Path tempDirectory, ImageLimits imageLimits) {
}
