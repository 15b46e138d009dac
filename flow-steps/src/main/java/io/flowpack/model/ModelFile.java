package io.flowpack.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a model's ONNX bytes are: a file on disk, or a resource bundled on the class path. */
public sealed interface ModelFile {

    boolean exists();

    InputStream open() throws IOException;

    /** A path or {@code classpath:…}, for messages, the audit and as the session cache key. */
    String describe();

    /** A model file on disk (a models folder, or a user model configured by path). */
    record OnDisk(Path path) implements ModelFile {
        public OnDisk {
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public boolean exists() {
            return Files.isRegularFile(path);
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A model bundled in a jar (or a classes folder) under {@code flowpack/models/}. */
    record OnClasspath(ClassLoader loader, String resource) implements ModelFile {
        @Override
        public boolean exists() {
            return loader.getResource(resource) != null;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("class path resource not found: " + resource);
            }
            return in;
        }

        @Override
        public String describe() {
            return "classpath:" + resource;
        }
    }
}
