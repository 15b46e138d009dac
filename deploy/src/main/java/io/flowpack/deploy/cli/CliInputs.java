package io.flowpack.deploy.cli;

import io.flowpack.document.MediaTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the inputs of {@code flowpack run}: files are taken as given; a folder contributes its images and PDFs
 * (not its notes such as README or PROVENANCE files), in name order.
 */
final class CliInputs {

    private CliInputs() {
    }

    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> list = Files.list(input)) {
                    list.filter(Files::isRegularFile).filter(CliInputs::isDocument).sorted().forEach(files::add);
                }
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                throw new NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
        return files;
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString();
        String type = MediaTypes.byName(name);
        return !name.startsWith(".") && (type.startsWith("image/") || type.equals(MediaTypes.PDF));
    }
}
