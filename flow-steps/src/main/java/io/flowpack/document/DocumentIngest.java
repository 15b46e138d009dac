package io.flowpack.document;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Turns incoming bytes into a one-part {@link Document}: content into the blob store, media type sniffed. */
public final class DocumentIngest {
    private final BlobStore blobs;
    private final long maxBytes;

    public DocumentIngest(BlobStore blobs, long maxBytes) {
        this.blobs = blobs;
        this.maxBytes = maxBytes;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public Document fromFile(Path file, String name) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new InputTooLargeException(name, size, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fromStream(in, name);
        }
    }

    /** Reads the stream to its end (at most {@code maxBytes}) into the store. */
    public Document fromStream(InputStream source, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(source, 64 * 1024);
        in.mark(64);
        byte[] head = in.readNBytes(32);
        in.reset();
        BlobRef ref = blobs.put(new Limited(in, maxBytes, name));
        String mediaType = MediaTypes.detect(head, name);
        Part part = Part.base(mediaType, name, ref, Map.of());
        return Document.of(name, part);
    }

    /** Refuses an input over the size limit while it is being read, so nothing unbounded is stored. */
    public static final class InputTooLargeException extends IOException {
        public InputTooLargeException(String name, long size, long maxBytes) {
            super("input '" + name + "' " + (size < 0 ? "is larger than" : "is " + size + " bytes, over")
                    + " the limit of " + maxBytes + " bytes");
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long maxBytes;
        private final String name;
        private long read;

        Limited(InputStream in, long maxBytes, String name) {
            super(in);
            this.maxBytes = maxBytes;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new InputTooLargeException(name, -1, maxBytes);
            }
        }
    }
}
