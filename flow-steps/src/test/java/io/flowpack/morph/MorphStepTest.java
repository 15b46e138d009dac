package io.flowpack.morph;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.AuditEntry;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.step.ParameterException;
import io.flowpack.step.Step;
import io.flowpack.step.StepException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MorphStepTest {
    @TempDir
    Path dir;

    private FileBlobStore blobs;
    private StepEngine engine;

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        engine = new StepEngine(blobs);
    }

    @Test
    void threeKeyframesMakeOneMp4WithTheFramesAndRateAsked() throws Exception {
        Document doc = keyframes("walk", 3, 160, 96);
        List<Double> progress = new ArrayList<>();

        engine.run(doc, new MorphStep(), Map.of("fps", 12, "frames", 25),
                RunOptions.DEFAULT.withProgress((step, fraction, message) -> progress.add(fraction)));

        Part video = single(doc);
        assertThat(video.name()).isEqualTo("walk.mp4");
        assertThat(video.mediaType()).isEqualTo("video/mp4");
        assertThat(video.metadata()).containsEntry("frames", 25).containsEntry("width", 160).containsEntry("height", 96);
        Probe probe = probe(video, "mp4");
        assertThat(probe.frames()).isEqualTo(25);
        assertThat(probe.fps()).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(probe.width()).isEqualTo(160);
        assertThat(probe.height()).isEqualTo(96);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(25).last().isEqualTo(1.0);
        AuditEntry audit = doc.audit().get(0);
        assertThat(audit.details()).containsEntry("backend", "flow").containsEntry("encoder", "libopenh264")
                .containsEntry("keyframes", List.of("walk-0.png @ 0", "walk-1.png @ 12", "walk-2.png @ 24"));
        assertThat((List<?>) audit.details().get("transitions")).hasSize(2).allSatisfy(t -> assertThat(t.toString())
                .matches("walk-\\d\\.png → walk-\\d\\.png: flow \\(\\d+ % of the flow consistent\\)"));
    }

    @Test
    void webmHasTheFramesAndRateAsked() throws Exception {
        Document doc = keyframes("pan", 2, 128, 80);

        engine.run(doc, new MorphStep(), Map.of("fps", 8, "frames", 17, "format", "webm"), RunOptions.DEFAULT);

        Part video = single(doc);
        assertThat(video.name()).isEqualTo("pan.webm");
        Probe probe = probe(video, "webm");
        assertThat(probe.frames()).isEqualTo(17);
        assertThat(probe.fps()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void gifHasOneImagePerFrameWithDelaysFollowingTheRate() throws Exception {
        Document doc = keyframes("loop", 3, 96, 64);

        engine.run(doc, new MorphStep(), Map.of("fps", 8, "frames", 9, "format", "gif", "method", "crossfade"),
                RunOptions.DEFAULT);

        Part gif = single(doc);
        assertThat(gif.mediaType()).isEqualTo("image/gif");
        try (InputStream in = blobs.open(gif.blob()); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(stream);
            assertThat(reader.getNumImages(true)).isEqualTo(9);
            assertThat(reader.read(0).getWidth()).isEqualTo(96);
            String delays = "";
            for (int i = 0; i < 9; i++) {
                javax.imageio.metadata.IIOMetadataNode root = (javax.imageio.metadata.IIOMetadataNode)
                        reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                delays += ((javax.imageio.metadata.IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                        .item(0)).getAttribute("delayTime") + " ";
            }
            // 1/8 s is 12.5 hundredths: the delays alternate so the total stays on time
            assertThat(delays.trim()).isEqualTo("13 12 13 12 13 12 13 12 13");
        }
    }

    @Test
    void animatedWebpHasOneAnimationFramePerFrame() throws Exception {
        Document doc = keyframes("spin", 2, 96, 64);

        engine.run(doc, new MorphStep(), Map.of("fps", 10, "frames", 7, "format", "webp"), RunOptions.DEFAULT);

        Part webp = single(doc);
        assertThat(webp.mediaType()).isEqualTo("image/webp");
        byte[] bytes;
        try (InputStream in = blobs.open(webp.blob())) {
            bytes = in.readAllBytes();
        }
        assertThat(riffChunks(bytes, "ANMF")).isEqualTo(7);
        assertThat(riffChunks(bytes, "ANIM")).isEqualTo(1);
    }

    @Test
    void keyframesOfOtherSizesAreCoveredAndCroppedToTheFrame() throws Exception {
        Document doc = Document.of("mixed", imagePart("a.png", 300, 100, 1), imagePart("b.jpg", 90, 200, 2),
                imagePart("c.png", 160, 90, 3));

        engine.run(doc, new MorphStep(), Map.of("frames", 11, "width", 160, "height", 90), RunOptions.DEFAULT);

        Probe probe = probe(single(doc), "mp4");
        assertThat(probe.width()).isEqualTo(160);
        assertThat(probe.height()).isEqualTo(90);
        assertThat(probe.frames()).isEqualTo(11);
    }

    @Test
    void oneKeyframeMakesAStillVideo() throws Exception {
        Document doc = keyframes("still", 1, 64, 48);

        engine.run(doc, new MorphStep(), Map.of("frames", 6, "fps", 3), RunOptions.DEFAULT);

        assertThat(probe(single(doc), "mp4").frames()).isEqualTo(6);
        assertThat(doc.audit().get(0).details()).containsEntry("still", "one keyframe: a still video");
    }

    @Test
    void tooFewFramesForTheKeyframesIsRefusedRatherThanCut() throws Exception {
        Document doc = keyframes("short", 4, 64, 48);

        assertThatThrownBy(() -> engine.run(doc, new MorphStep(), Map.of("frames", 6), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("6 frames are too few for 4 keyframes").hasMessageContaining("at least 7");
    }

    @Test
    void keyframeFramesPlaceTheKeyframesAndAreChecked() throws Exception {
        Document doc = keyframes("placed", 3, 64, 48);
        engine.run(doc, new MorphStep(), Map.of("frames", 12, "keyframeFrames", "2, 5, 11"), RunOptions.DEFAULT);
        assertThat(doc.audit().get(0).details()).containsEntry("keyframes",
                List.of("placed-0.png @ 2", "placed-1.png @ 5", "placed-2.png @ 11"));
        assertThat(probe(single(doc), "mp4").frames()).isEqualTo(12);

        Document cut = keyframes("cut", 3, 64, 48);
        assertThatThrownBy(() -> engine.run(cut, new MorphStep(), Map.of("frames", 12, "keyframeFrames", "0,5,6"),
                RunOptions.DEFAULT)).isInstanceOf(StepException.class).hasMessageContaining("hard cut");
        Document bad = keyframes("bad", 3, 64, 48);
        assertThatThrownBy(() -> engine.run(bad, new MorphStep(), Map.of("frames", 12, "keyframeFrames", "0,x,9"),
                RunOptions.DEFAULT)).isInstanceOf(StepException.class).hasMessageContaining("item 2 'x'");
    }

    @Test
    void aPromptSchedulePlacesTheKeyframes() throws Exception {
        Document doc = keyframes("travel", 3, 64, 48);
        engine.run(doc, new MorphStep(), Map.of("frames", 12, "schedule", "\"0\": \"apples\", \"4\": \"pears\",\n"
                + "\"9\": \"plums\","), RunOptions.DEFAULT);
        assertThat(doc.audit().get(0).details()).containsEntry("keyframes",
                List.of("travel-0.png @ 0", "travel-1.png @ 4", "travel-2.png @ 9"));

        Document both = keyframes("both", 3, 64, 48);
        assertThatThrownBy(() -> engine.run(both, new MorphStep(), Map.of("frames", 12, "keyframeFrames", "0,4,9",
                "schedule", "\"0\": \"a\", \"4\": \"b\", \"9\": \"c\""), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("not both");
    }

    @Test
    void zeroFramesAndHugeSizesAreRefusedBeforeAnyWork() throws Exception {
        Document doc = keyframes("limits", 2, 64, 48);
        assertThatThrownBy(() -> engine.run(doc, new MorphStep(), Map.of("frames", 0), RunOptions.DEFAULT))
                .isInstanceOf(ParameterException.class).hasMessageContaining("frames");
        assertThatThrownBy(() -> engine.run(doc, new MorphStep(), Map.of("width", 100000), RunOptions.DEFAULT))
                .isInstanceOf(ParameterException.class).hasMessageContaining("width");
        assertThatThrownBy(() -> engine.run(doc, new MorphStep(), Map.of("width", 7680, "height", 7680),
                RunOptions.DEFAULT)).isInstanceOf(StepException.class).hasMessageContaining("exceeds the frame limit");
    }

    @Test
    void onnxWithoutAModelSaysWhatItNeeds() throws Exception {
        Document doc = keyframes("nomodel", 2, 64, 48);
        assertThatThrownBy(() -> engine.run(doc, new MorphStep(), Map.of("method", "onnx"), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("method onnx needs a model");
    }

    @Test
    void isFoundByServiceLoaderAndTakesAllInputsAsOneDocument() {
        Step morph = ServiceLoader.load(Step.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.descriptor().name().equals("morph")).findFirst().orElseThrow();
        assertThat(morph.descriptor().oneDocument()).isTrue();
    }

    // --- helpers

    private Document keyframes(String name, int count, int width, int height) throws IOException {
        Part[] parts = new Part[count];
        for (int i = 0; i < count; i++) {
            parts[i] = imagePart(name + "-" + i + ".png", width, height, i * 6);
        }
        return Document.of(name, parts);
    }

    /** A texture shifted by {@code shift} pixels, so neighbouring keyframes differ by a known motion. */
    private Part imagePart(String name, int width, int height, int shift) throws IOException {
        RgbFrame frame = SyntheticFrames.texture(width, height, shift, shift / 2.0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, frame.pixels(), 0, width);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, name.endsWith(".jpg") ? "jpg" : "png", bytes);
        BlobRef ref = blobs.put(bytes.toByteArray());
        return Part.base(name.endsWith(".jpg") ? "image/jpeg" : "image/png", name, ref, Map.of());
    }

    private static Part single(Document doc) {
        assertThat(doc.baseParts()).hasSize(1);
        return doc.baseParts().get(0);
    }

    record Probe(int frames, double fps, int width, int height) {
    }

    /** Decodes the whole video with FFmpeg, counting the frames it really holds. */
    private Probe probe(Part video, String extension) throws IOException {
        Path file = dir.resolve(video.id() + "." + extension);
        try (InputStream in = blobs.open(video.blob())) {
            Files.copy(in, file);
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            int frames = 0;
            for (Frame frame; (frame = grabber.grabImage()) != null; ) {
                frames++;
            }
            Probe probe = new Probe(frames, grabber.getFrameRate(), grabber.getImageWidth(), grabber.getImageHeight());
            grabber.stop();
            return probe;
        }
    }

    /** Counts the chunks with this id inside a WebP's RIFF container (and inside its ANIM/ANMF nesting). */
    static int riffChunks(byte[] webp, String id) {
        assertThat(new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        ByteBuffer buffer = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        int count = 0;
        int at = 12;
        while (at + 8 <= webp.length) {
            String chunk = new String(webp, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = buffer.getInt(at + 4);
            if (chunk.equals(id)) {
                count++;
            }
            at += 8 + size + (size & 1);
        }
        return count;
    }
}
