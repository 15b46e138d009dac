package io.flowpack.document;

/**
 * A reference to bytes in a {@link BlobStore}: the key, the size and the SHA-256 of the content.
 * This is what travels in messages and job JSON, never the bytes.
 */
public record BlobRef(String key, long size, String sha256) {
    public BlobRef {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("blob key must not be empty");
        }
    }
}
