package io.flowpack.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/** PDFs made with PDFBox for the tests: coloured pages, many pages, password-protected. */
public final class PdfFixtures {
    static final Color[] COLOURS = {Color.RED, Color.GREEN, Color.BLUE};

    private PdfFixtures() {
    }

    /** {@code pages} A6 pages, each filled with red, green, blue in turn. */
    public static Path coloured(Path file, int pages) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A6);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.setNonStrokingColor(COLOURS[i % COLOURS.length]);
                    content.addRect(0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                    content.fill();
                }
            }
            pdf.save(file.toFile());
        }
        return file;
    }

    public static Path encrypted(Path file) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage(PDRectangle.A6));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(file.toFile());
        }
        return file;
    }
}
