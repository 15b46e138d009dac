package io.flowpack.anonymizer;

import io.flowpack.anonymizer.audit.AnonymizationAudit;
import io.flowpack.anonymizer.audit.AuditJson;
import io.flowpack.anonymizer.audit.MaskArea;
import io.flowpack.anonymizer.audit.PhaseTimings;
import io.flowpack.anonymizer.audit.ReviewPreview;
import io.flowpack.anonymizer.privacy.Disclosure;
import io.flowpack.anonymizer.privacy.ExifAllowList;
import io.flowpack.anonymizer.privacy.InputMetadata;
import io.flowpack.anonymizer.privacy.PrivacyMetadataReader;
import io.flowpack.anonymizer.privacy.PrivacyScrub;
import io.flowpack.anonymizer.privacy.ScrubResult;
import io.flowpack.anonymizer.privacy.UnchangedPicture;
import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.step.Step;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code flow:anonymize}: removes people from photos — detect, mask, inpaint — removes privacy-relevant metadata,
 * discloses the change in XMP, and delivers beside each result its audit record ({@code <name>.anonymize.json}) and
 * a review image ({@code <name>-review.jpg}). A picture with no person keeps its pixels byte for byte (JPEG, PNG);
 * only its metadata is scrubbed. A part named {@code <name>.mask.png} is a review mask for {@code <name>.*}.
 */
public final class AnonymizeStep implements Step, AutoCloseable {
    public static final String NAME = "anonymize";
    private static final StepDescriptor DESCRIPTOR = new StepDescriptor(NAME,
            "Removes people from photos by inpainting and strips privacy-relevant metadata, with an audit and a review image",
            Set.of("image/*"), Set.of("image/jpeg", "image/png", "image/tiff", MediaTypes.JSON), AnonymizeParams.class);

    private final ModelRegistry models;
    private final PeopleRemover remover;

    /** The bundled models and the models folder of the system property; the process-wide sessions. */
    public AnonymizeStep() {
        this(ModelRegistry.standard(), ModelSessions.shared());
    }

    public AnonymizeStep(ModelRegistry models, ModelSessions sessions) {
        this.models = models;
        this.remover = new PeopleRemover(models, sessions);
    }

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Releases the YOLO models loaded for {@code detectorModel} (the bundled models belong to the sessions). */
    @Override
    public void close() {
        remover.close();
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        AnonymizeParams params = ctx.params(AnonymizeParams.class);
        List<Part> pictures = inputs.stream().filter(p -> !ReviewMasks.isMask(p)).toList();
        List<Part> outputs = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            ctx.checkCancelled();
            Part picture = pictures.get(i);
            double from = i / (double) pictures.size();
            double span = 1.0 / pictures.size();
            ctx.progress(from, "anonymizing '" + picture.name() + "'");
            try {
                Optional<Part> mask = ReviewMasks.find(picture, inputs);
                outputs.addAll(anonymize(picture, mask, params, ctx, from, span));
                mask.ifPresent(m -> outputs.add(m.withKind(PartKind.META)));
            } catch (IOException e) {
                throw ctx.failure("cannot anonymize '" + picture.name() + "'", e);
            } catch (ModelLoadException | IllegalArgumentException e) {
                throw new StepException("cannot anonymize '" + picture.name() + "': " + e.getMessage(), e);
            }
        }
        return outputs;
    }

    private List<Part> anonymize(Part picture, Optional<Part> maskPart, AnonymizeParams params, StepContext ctx,
                                 double from, double span) throws IOException, StepException {
        long t0 = System.nanoTime();
        Path file = ctx.localFile(picture);
        BufferedImage original = ImageDecoder.decodeFirst(file, ctx.imageLimits());
        BufferedImage supplied = maskPart.isPresent()
                ? ImageDecoder.decodeFirst(ctx.localFile(maskPart.get()), ctx.imageLimits()) : null;
        InputMetadata metadata = PrivacyMetadataReader.read(file);
        long decodeMillis = (System.nanoTime() - t0) / 1_000_000;

        BufferedImage rgb = Opaque.of(original);
        Removal removal = remover.remove(rgb, supplied, params, picture.name(),
                (fraction, message) -> ctx.progress(from + span * (0.3 + 0.6 * fraction), message));
        ctx.checkCancelled();

        long t1 = System.nanoTime();
        ImageFormat inputFormat = ImageFormat.fromName(picture.mediaType()).orElse(ImageFormat.PNG);
        ImageFormat format = outputFormat(params.format(), inputFormat);
        ExifAllowList keep = ExifAllowList.parse(params.keep());
        List<String> detectors = detectionModels(removal);
        ScrubResult scrubbed;
        if (!removal.changed()) {
            Disclosure disclosure = Disclosure.metadataOnly(metadata.digitalSourceType());
            Optional<ScrubResult> untouched = format == inputFormat
                    ? UnchangedPicture.scrub(Files.readAllBytes(file), format, metadata, keep, disclosure)
                    : Optional.empty();
            scrubbed = untouched.isPresent() ? untouched.get()
                    : PrivacyScrub.apply(encode(original, format, params), format, metadata, keep, disclosure);
        } else {
            Disclosure disclosure = removal.method().equals("blur")
                    ? Disclosure.peopleRemoved("blur", false, detectors)
                    : Disclosure.peopleRemoved(removal.method(), removal.trained(), detectors);
            BufferedImage result = Opaque.withAlphaOf(removal.image(), original);
            scrubbed = PrivacyScrub.apply(encode(result, format, params), format, metadata, keep, disclosure);
        }
        long encodeMillis = (System.nanoTime() - t1) / 1_000_000;

        String base = MediaTypes.baseName(picture.name());
        List<Part> outputs = new ArrayList<>();
        byte[] bytes = scrubbed.bytes();
        outputs.add(ctx.newPart(base + "-anonymized." + format.extension(), format.mediaType(),
                Map.of("source", picture.id(), "people", removal.people().size(), "width", original.getWidth(),
                        "height", original.getHeight()), out -> out.write(bytes)));

        AnonymizationAudit audit = new AnonymizationAudit(picture.name(), original.getWidth(), original.getHeight(),
                AnonymizationAudit.Detection.of(removal.people()), MaskArea.percent(removal.mask()),
                new AnonymizationAudit.Inpainting(removal.method(), removal.parameters()), scrubbed.removedFields(),
                scrubbed.keptFields(), scrubbed.digitalSourceType().orElse(null),
                new PhaseTimings(decodeMillis, removal.detectMillis(), removal.maskMillis(), removal.fillMillis(),
                        encodeMillis));
        byte[] json = AuditJson.write(audit);
        outputs.add(ctx.newPart(base + ".anonymize.json", MediaTypes.JSON,
                Map.of(Part.DELIVER, true, "source", picture.id()), out -> out.write(json)).withKind(PartKind.META));
        if (params.preview()) {
            BufferedImage preview = ReviewPreview.build(rgb, removal.mask(), removal.people());
            outputs.add(ctx.newPart(base + "-review.jpg", ImageFormat.JPEG.mediaType(),
                    Map.of(Part.DELIVER, true, "source", picture.id()),
                    out -> ImageEncoder.encode(preview, ImageFormat.JPEG, 0.85f, out)).withKind(PartKind.META));
        }
        ctx.audit("people", removal.people().size());
        ctx.audit("maskPercent", Math.round(MaskArea.percent(removal.mask()) * 100) / 100.0);
        ctx.audit("method", removal.method());
        ctx.audit("detectors", detectors);
        ctx.audit("digitalSourceType", scrubbed.digitalSourceType().orElse("none"));
        ctx.audit("metadataRemoved", scrubbed.removedFields().size());
        return outputs;
    }

    private List<String> detectionModels(Removal removal) {
        List<String> names = new ArrayList<>();
        removal.people().stream().map(p -> p.model() + " (sha256 " + p.modelSha256() + ")").distinct()
                .forEach(names::add);
        if (!removal.people().isEmpty()) {
            models.find("selfie").ifPresent(s -> names.add("selfie (sha256 " + s.manifest().sha256() + ")"));
        }
        return names;
    }

    private static ImageFormat outputFormat(String requested, ImageFormat input) {
        if (!requested.equals("same")) {
            return ImageFormat.fromName(requested).orElseThrow();
        }
        return input.writable() ? input : ImageFormat.PNG;
    }

    private static byte[] encode(BufferedImage image, ImageFormat format, AnonymizeParams params) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.encode(image, format, params.quality(), out);
        return out.toByteArray();
    }
}
