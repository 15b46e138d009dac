package io.flowpack.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Where part content lives. Implementations write atomically and record size and SHA-256. */
public interface BlobStore {

    /** Writes content produced by {@code writer}; nothing is visible under the key until the writer returned. */
    BlobRef write(ContentWriter writer) throws IOException;

    default BlobRef put(InputStream in) throws IOException {
        return write(in::transferTo);
    }

    default BlobRef put(byte[] bytes) throws IOException {
        return write(out -> out.write(bytes));
    }

    InputStream open(BlobRef ref) throws IOException;

    /** A local file holding the content, when the store keeps one (lets readers use random access). */
    Optional<Path> localPath(BlobRef ref);

    boolean exists(BlobRef ref);

    /** Writes content to a stream. */
    @FunctionalInterface
    interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
