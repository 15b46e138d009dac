package io.flowpack.convert;

import io.flowpack.document.Document;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageInfo;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvertStepTest {
    @TempDir
    Path dir;
    private FileBlobStore blobs;
    private StepEngine engine;
    private DocumentIngest ingest;

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        engine = new StepEngine(blobs);
        ingest = new DocumentIngest(blobs, 10_000_000);
    }

    private Document fixture(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            return ingest.fromStream(in, name);
        }
    }

    private Path file(Part part) {
        return blobs.localPath(part.blob()).orElseThrow();
    }

    @Test
    void exifRotatedJpegBecomesAnUprightPng() throws Exception {
        Document doc = fixture("exif-orientation-6.jpg");
        engine.run(doc, new ConvertStep(), Map.of("format", "png"), RunOptions.DEFAULT);

        Part png = doc.baseParts().get(0);
        assertThat(png.name()).isEqualTo("exif-orientation-6.png");
        assertThat(png.mediaType()).isEqualTo("image/png");
        BufferedImage image = ImageDecoder.decodeFirst(file(png), ImageLimits.DEFAULT);
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(80);
        assertThat(image.getRGB(35, 4) & 0xFF0000).isGreaterThan(0xC00000); // red corner now top right
    }

    @Test
    void fitsIntoTheBoxKeepingTheAspectRatioAndNeverEnlarges() throws Exception {
        Document doc = fixture("exif-orientation-6.jpg");
        engine.run(doc, new ConvertStep(), Map.of("format", "jpeg", "maxHeight", 40), RunOptions.DEFAULT);
        assertThat(ImageDecoder.probe(file(doc.baseParts().get(0)), ImageLimits.DEFAULT))
                .isEqualTo(new ImageInfo(ImageFormat.JPEG, 20, 40, 1));

        Document small = fixture("alpha.png");
        engine.run(small, new ConvertStep(), Map.of("maxWidth", 5000), RunOptions.DEFAULT);
        BufferedImage original = ImageDecoder.decodeFirst(file(small.parts().get(0)), ImageLimits.DEFAULT);
        BufferedImage same = ImageDecoder.decodeFirst(file(small.baseParts().get(0)), ImageLimits.DEFAULT);
        assertThat(same.getWidth()).isEqualTo(original.getWidth());
        assertThat(same.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void multiPageTiffGivesOnePartPerPageOrOneTiff() throws Exception {
        Document pages = fixture("pages-3.tif");
        engine.run(pages, new ConvertStep(), Map.of("format", "png"), RunOptions.DEFAULT);
        assertThat(pages.baseParts()).extracting(Part::name).containsExactly("pages-3-p1.png", "pages-3-p2.png", "pages-3-p3.png");
        List<Integer> colours = new ArrayList<>();
        for (Part part : pages.baseParts()) {
            colours.add(ImageDecoder.decodeFirst(file(part), ImageLimits.DEFAULT).getRGB(10, 10) & 0xFFFFFF);
        }
        assertThat(colours).containsExactly(0xFF0000, 0x00FF00, 0x0000FF);

        Document tiff = fixture("pages-3.tif");
        engine.run(tiff, new ConvertStep(), Map.of("format", "tiff", "maxWidth", 16), RunOptions.DEFAULT);
        assertThat(tiff.baseParts()).singleElement().extracting(Part::name).isEqualTo("pages-3.tif");
        assertThat(ImageDecoder.probe(file(tiff.baseParts().get(0)), ImageLimits.DEFAULT))
                .isEqualTo(new ImageInfo(ImageFormat.TIFF, 16, 12, 3));
    }

    @Test
    void sameKeepsWritableFormatsAndTurnsOthersIntoPng() throws Exception {
        Document webp = fixture("patches.webp");
        engine.run(webp, new ConvertStep(), Map.of(), RunOptions.DEFAULT);
        assertThat(webp.baseParts().get(0).name()).isEqualTo("patches.png");

        Document cmyk = fixture("cmyk-no-profile.jpg");
        engine.run(cmyk, new ConvertStep(), Map.of(), RunOptions.DEFAULT);
        Part jpeg = cmyk.baseParts().get(0);
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(Files.size(file(jpeg))).isPositive();
    }

    @Test
    void aTruncatedFileIsAStepErrorWithTheReason() throws Exception {
        Document doc = fixture("truncated.jpg");
        assertThatThrownBy(() -> engine.run(doc, new ConvertStep(), Map.of(), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageStartingWith("cannot convert 'truncated.jpg': ")
                .hasMessageContaining("truncated");
    }
}
