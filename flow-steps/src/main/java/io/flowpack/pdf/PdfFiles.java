package io.flowpack.pdf;

import io.flowpack.step.StepException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens PDFs with bounded memory (scratch data in temporary files) and precise reasons for what cannot be read. */
final class PdfFiles {

    private PdfFiles() {
    }

    static PDDocument open(Path file, String name) throws StepException {
        try {
            if (Files.size(file) == 0) {
                throw new StepException("PDF '" + name + "' is empty");
            }
            return Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new StepException("PDF '" + name + "' is encrypted with a password; it cannot be opened without it", e);
        } catch (IOException e) {
            throw new StepException("PDF '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }
}
