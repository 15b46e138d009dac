package io.flowpack.document;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A content-addressed folder: each blob is stored once under its SHA-256 ({@code ab/abcdef…}).
 * Content is first written to a temporary file in the same folder and then renamed, so a crash never
 * leaves a half-written blob under a key.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;
    private final Path incoming;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob store folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public BlobRef write(ContentWriter writer) throws IOException {
        Path temp = Files.createTempFile(incoming, "blob-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (CountingOutputStream counting = new CountingOutputStream(Files.newOutputStream(temp));
                 OutputStream out = new BufferedOutputStream(new DigestOutputStream(counting, digest), 64 * 1024)) {
                writer.writeTo(out);
                out.flush();
                size = counting.count;
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = file(sha);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                readableByAll(temp);
                moveAtomically(temp, target);
            }
            return new BlobRef(sha, size, sha);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(BlobRef ref) throws IOException {
        return Files.newInputStream(file(ref.key()));
    }

    @Override
    public Optional<Path> localPath(BlobRef ref) {
        return Optional.of(file(ref.key()));
    }

    @Override
    public boolean exists(BlobRef ref) {
        return Files.isRegularFile(file(ref.key()));
    }

    private Path file(String key) {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a blob key of this store: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private static void moveAtomically(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // another writer stored the same content first; identical bytes by construction
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob store folder does not support atomic rename: " + target.getParent(), e);
        }
    }

    /** Temporary files are owner-only; blobs are copied out as results, so give them ordinary file permissions. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
