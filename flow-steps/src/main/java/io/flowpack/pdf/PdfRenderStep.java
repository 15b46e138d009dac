package io.flowpack.pdf;

import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pdf-render}: PDF pages to images at a resolution, one page in memory at a time. */
public final class PdfRenderStep implements Step {
    private static final StepDescriptor DESCRIPTOR = new StepDescriptor("pdf-render",
            "Renders PDF pages to images at a resolution", Set.of(MediaTypes.PDF),
            Set.of("image/png", "image/jpeg", "image/tiff"), PdfRenderParams.class);

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        PdfRenderParams params = ctx.params(PdfRenderParams.class);
        ImageFormat format = ImageFormat.fromName(params.format()).orElseThrow();
        List<Part> outputs = new ArrayList<>();
        for (Part input : inputs) {
            try (PDDocument pdf = PdfFiles.open(ctx.localFile(input), input.name())) {
                outputs.addAll(render(pdf, input, params, format, ctx));
            } catch (IOException e) {
                throw ctx.failure("PDF '" + input.name() + "' cannot be rendered", e);
            }
        }
        return outputs;
    }

    private List<Part> render(PDDocument pdf, Part input, PdfRenderParams params, ImageFormat format, StepContext ctx)
            throws IOException, StepException {
        List<Integer> pages;
        try {
            pages = PageRange.parse(params.pages(), pdf.getNumberOfPages());
        } catch (IllegalArgumentException e) {
            throw new StepException("PDF '" + input.name() + "': " + e.getMessage());
        }
        if (pages.size() > params.maxPages()) {
            throw new StepException("PDF '" + input.name() + "' has " + pages.size() + " pages to render, over the limit of "
                    + params.maxPages() + "; choose fewer with 'pages' or raise 'maxPages'");
        }
        PDFRenderer renderer = new PDFRenderer(pdf);
        String base = MediaTypes.baseName(input.name());
        List<Part> outputs = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            ctx.checkCancelled();
            int page = pages.get(i);
            checkSize(pdf.getPage(page), params.dpi(), ctx, input.name(), page);
            BufferedImage image = renderer.renderImageWithDPI(page, params.dpi(), ImageType.RGB);
            String name = base + "-p" + (page + 1) + "." + format.extension();
            outputs.add(ctx.newPart(name, format.mediaType(),
                    Map.of("page", page + 1, "width", image.getWidth(), "height", image.getHeight(), "source", input.id()),
                    out -> ImageEncoder.encode(image, format, params.quality(), out)));
            ctx.progress((i + 1) / (double) pages.size(), "page " + (page + 1) + " of " + input.name());
        }
        ctx.audit("pages", pages.stream().map(p -> p + 1).toList());
        return outputs;
    }

    /** Refuses a page whose rendering would exceed the pixel limit, before allocating it. */
    private static void checkSize(PDPage page, int dpi, StepContext ctx, String name, int index) throws StepException {
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        double width = (turned ? box.getHeight() : box.getWidth()) * dpi / 72.0;
        double height = (turned ? box.getWidth() : box.getHeight()) * dpi / 72.0;
        if (width * height > ctx.imageLimits().maxPixels()) {
            throw new StepException(String.format(java.util.Locale.ROOT,
                    "page %d of PDF '%s' would render to %.0f×%.0f pixels at %d dpi, over the limit of %d pixels",
                    index + 1, name, width, height, dpi, ctx.imageLimits().maxPixels()));
        }
    }
}
