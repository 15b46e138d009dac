package io.flowpack.pdf;

import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pdf-assemble}: all image parts of a document, in order, into one PDF with a page per image page. */
public final class PdfAssembleStep implements Step {
    private static final StepDescriptor DESCRIPTOR = new StepDescriptor("pdf-assemble",
            "Assembles the document's images into one PDF, a page per image", Set.of("image/*"),
            Set.of(MediaTypes.PDF), PdfAssembleParams.class);

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        PdfAssembleParams params = ctx.params(PdfAssembleParams.class);
        String name = (params.name() == null || params.name().isBlank()
                ? MediaTypes.baseName(ctx.document().name()) : params.name()) + ".pdf";
        try (PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            int[] pages = {0};
            for (int i = 0; i < inputs.size(); i++) {
                Part input = inputs.get(i);
                ctx.checkCancelled();
                ImageDecoder.decodePages(ctx.localFile(input), ctx.imageLimits(), (index, image) -> {
                    addPage(pdf, image, params);
                    pages[0]++;
                });
                ctx.progress((i + 1) / (double) inputs.size(), "added " + input.name());
            }
            ctx.audit("pages", pages[0]);
            return List.of(ctx.newPart(name, MediaTypes.PDF, Map.of("pages", pages[0]), pdf::save));
        } catch (IOException e) {
            throw ctx.failure("cannot assemble PDF '" + name + "'", e);
        }
    }

    private static void addPage(PDDocument pdf, BufferedImage image, PdfAssembleParams params) throws IOException {
        float scale = 72f / params.dpi();
        PDPage page = new PDPage(new PDRectangle(image.getWidth() * scale, image.getHeight() * scale));
        pdf.addPage(page);
        PDImageXObject xobject = params.compression().equals("lossless")
                ? LosslessFactory.createFromImage(pdf, image)
                : JPEGFactory.createFromImage(pdf, opaque(image), params.quality());
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
            content.drawImage(xobject, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
    }

    /** JPEG has no alpha: flatten on white. */
    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return flat;
    }
}
