package io.flowpack.model;

/**
 * A model the registry knows: its manifest, where its file is, and where it was found.
 *
 * @param origin {@code bundled}, {@code folder} (the models folder) or {@code path} (configured by path)
 */
public record ModelEntry(ModelManifest manifest, ModelFile file, String origin) {
    public static final String BUNDLED = "bundled";
    public static final String FOLDER = "folder";
    public static final String PATH = "path";

    public String name() {
        return manifest.name();
    }

    /** Cache key: the same name from another file is another model. */
    String key() {
        return name() + "@" + file.describe();
    }
}
