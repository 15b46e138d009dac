package io.flowpack.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileBlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void recordsSizeAndSha256AndReadsBack() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        byte[] content = "hello flowpack".getBytes(StandardCharsets.UTF_8);
        BlobRef ref = store.put(content);
        assertThat(ref.size()).isEqualTo(content.length);
        assertThat(ref.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        try (InputStream in = store.open(ref)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.put(content)).isEqualTo(ref);
    }

    @Test
    void aFailingWriterLeavesNothingBehind() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        assertThatThrownBy(() -> store.write(out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk gone");
        })).hasMessage("disk gone");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void refusesKeysThatCouldLeaveTheFolder() {
        FileBlobStore store = new FileBlobStore(dir);
        assertThatThrownBy(() -> store.open(new BlobRef("../../etc/passwd", 1, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
