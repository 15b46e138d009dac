package io.flowpack.comfy.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves client-given names inside a base folder, refusing every way out: {@code ..}, absolute paths, backslashes,
 * drive letters, NUL, and symbolic links that lead outside (checked on the real path). File names: 400; subfolders
 * that escape: 403 (ComfyUI's codes).
 */
final class SafePaths {

    private SafePaths() {
    }

    /** A plain file name: not empty, no separators, no {@code ..}, no control characters. */
    static String fileName(String name) throws Call.BadRequest {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")
                || name.contains("/") || name.contains(":") || name.chars().anyMatch(Character::isISOControl)
                || name.equals(".")) {
            throw new Call.BadRequest(400, "invalid file name: " + name);
        }
        return name;
    }

    /** The folder {@code base/subfolder}, which must stay inside {@code base}. */
    static Path folder(Path base, String subfolder) throws Call.BadRequest {
        if (subfolder == null || subfolder.isEmpty()) {
            return base;
        }
        if (subfolder.contains("\\") || subfolder.startsWith("/") || subfolder.contains(":")
                || subfolder.chars().anyMatch(Character::isISOControl)) {
            throw new Call.BadRequest(403, "subfolder outside the folder: " + subfolder);
        }
        Path resolved = base.resolve(subfolder).normalize();
        if (!resolved.startsWith(base)) {
            throw new Call.BadRequest(403, "subfolder outside the folder: " + subfolder);
        }
        return resolved;
    }

    /** Refuses a path whose real location (symbolic links followed) is outside {@code base}; absent paths pass. */
    static void checkReal(Path base, Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        Path realBase = base.toRealPath();
        if (!existing.toRealPath().startsWith(realBase)) {
            throw new Call.BadRequest(403, "path leads outside the folder: " + path);
        }
    }
}
