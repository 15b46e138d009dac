package io.flowpack.generate.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What identifies a component's weights: the SHA-256 of its {@code model.onnx} when that file is alone in its folder;
 * when the weights sit beside it as external data ({@code weights.pb}, {@code model.onnx_data}), the SHA-256 of the
 * lines {@code <file name> <sha256>} of every file of the folder but {@code config.json}, sorted by name.
 */
final class ComponentHash {

    private ComponentHash() {
    }

    static String of(Path model) throws IOException {
        List<Path> files;
        try (Stream<Path> children = Files.list(model.getParent())) {
            files = children.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("config.json")).sorted().toList();
        }
        if (files.size() <= 1) {
            return sha256(model);
        }
        MessageDigest digest = digest();
        for (Path file : files) {
            digest.update((file.getFileName() + " " + sha256(file) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
