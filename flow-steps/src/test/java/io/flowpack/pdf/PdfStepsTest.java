package io.flowpack.pdf;

import io.flowpack.document.Document;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.step.StepException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfStepsTest {
    @TempDir
    Path dir;
    private FileBlobStore blobs;
    private DocumentIngest ingest;
    private StepEngine engine;

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        ingest = new DocumentIngest(blobs, 50_000_000);
        engine = new StepEngine(blobs);
    }

    private BufferedImage image(Part part) throws Exception {
        return ImageDecoder.decodeFirst(blobs.localPath(part.blob()).orElseThrow(), ImageLimits.DEFAULT);
    }

    @Test
    void rendersSelectedPagesAtTheResolution() throws Exception {
        Document doc = ingest.fromFile(PdfFixtures.coloured(dir.resolve("three.pdf"), 3), "three.pdf");
        engine.run(doc, new PdfRenderStep(), Map.of("dpi", 72, "pages", "2-3"), RunOptions.DEFAULT);

        List<Part> pages = doc.baseParts();
        assertThat(pages).extracting(Part::name).containsExactly("three-p2.png", "three-p3.png");
        BufferedImage second = image(pages.get(0));
        assertThat(second.getWidth()).isBetween(297, 298);  // A6 is 297.6 × 419.5 pt
        assertThat(second.getHeight()).isBetween(419, 420);
        assertThat(new Color(second.getRGB(100, 100))).isEqualTo(Color.GREEN);
        assertThat(new Color(image(pages.get(1)).getRGB(100, 100))).isEqualTo(Color.BLUE);
        assertThat(doc.audit().get(0).details()).containsEntry("pages", List.of(2, 3));
    }

    @Test
    void refusesMorePagesThanTheLimit() throws Exception {
        Document doc = ingest.fromFile(PdfFixtures.coloured(dir.resolve("many.pdf"), 12), "many.pdf");
        assertThatThrownBy(() -> engine.run(doc, new PdfRenderStep(), Map.of("maxPages", 10), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class)
                .hasMessage("PDF 'many.pdf' has 12 pages to render, over the limit of 10; choose fewer with 'pages' or raise 'maxPages'");
    }

    @Test
    void refusesAnEncryptedPdfWithAClearReason() throws Exception {
        Document doc = ingest.fromFile(PdfFixtures.encrypted(dir.resolve("secret.pdf")), "secret.pdf");
        assertThatThrownBy(() -> engine.run(doc, new PdfRenderStep(), Map.of(), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class)
                .hasMessage("PDF 'secret.pdf' is encrypted with a password; it cannot be opened without it");
    }

    @Test
    void refusesAPageThatWouldRenderOverThePixelLimit() throws Exception {
        Document doc = ingest.fromFile(PdfFixtures.coloured(dir.resolve("one.pdf"), 1), "one.pdf");
        RunOptions small = new RunOptions(null, null, new ImageLimits(1_000_000, 50_000_000));
        assertThatThrownBy(() -> engine.run(doc, new PdfRenderStep(), Map.of("dpi", 600), small))
                .hasMessageContaining("page 1 of PDF 'one.pdf' would render to 2480×3496 pixels at 600 dpi, over the limit");
    }

    @Test
    void aTruncatedPdfIsAClearError() throws Exception {
        Path whole = PdfFixtures.coloured(dir.resolve("whole.pdf"), 2);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(bytes, 20));
        Document doc = ingest.fromFile(cut, "cut.pdf");
        assertThatThrownBy(() -> engine.run(doc, new PdfRenderStep(), Map.of(), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageStartingWith("PDF 'cut.pdf' cannot be read: ");
    }

    @Test
    void assemblesRenderedPagesBackIntoOnePdf() throws Exception {
        Document doc = ingest.fromFile(PdfFixtures.coloured(dir.resolve("three.pdf"), 3), "three.pdf");
        engine.run(doc, new PdfRenderStep(), Map.of("dpi", 72), RunOptions.DEFAULT);
        engine.run(doc, new PdfAssembleStep(), Map.of("dpi", 72, "compression", "lossless"), RunOptions.DEFAULT);

        Part pdfPart = doc.baseParts().get(0);
        assertThat(pdfPart.name()).isEqualTo("three.pdf");
        try (PDDocument pdf = Loader.loadPDF(blobs.localPath(pdfPart.blob()).orElseThrow().toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            int renderedWidth = (int) doc.parts().get(1).metadata().get("width");
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(renderedWidth);
        }
        Document again = ingest.fromFile(blobs.localPath(pdfPart.blob()).orElseThrow(), "again.pdf");
        engine.run(again, new PdfRenderStep(), Map.of("dpi", 72, "pages", "3"), RunOptions.DEFAULT);
        assertThat(new Color(image(again.baseParts().get(0)).getRGB(50, 50))).isEqualTo(Color.BLUE);
    }

    @Test
    void pageRangesAreParsedAndChecked() {
        assertThat(PageRange.parse("", 3)).containsExactly(0, 1, 2);
        assertThat(PageRange.parse("1-2, 5, 7-", 8)).containsExactly(0, 1, 4, 6, 7);
        assertThatThrownBy(() -> PageRange.parse("4", 3)).hasMessage("page range '4' is outside 1-3");
        assertThatThrownBy(() -> PageRange.parse("a", 3)).hasMessage("page range 'a' is not like 1-3,5,9-");
    }
}
