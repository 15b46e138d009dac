package io.flowpack.anonymizer.privacy;

import java.util.List;
import java.util.Optional;

/**
 * What an output says about how it was made, written as XMP.
 *
 * @param digitalSourceType the IPTC term URI for {@code Iptc4xmpExt:DigitalSourceType}; empty: none is claimed
 * @param description       {@code dc:description}: a sentence a person reads
 * @param historyAction     {@code stEvt:action} of the {@code xmpMM:History} entry ({@code edited}, {@code saved})
 * @param changed           {@code stEvt:changed}: {@code /} (the content) or {@code /metadata}
 * @param historyParameters {@code stEvt:parameters}: the tools and models that made the change
 */
public record Disclosure(Optional<String> digitalSourceType, String description, String historyAction,
                         String changed, String historyParameters) {
    public static final String CREATOR_TOOL = "flowpack";

    /**
     * People were found and filled in.
     *
     * @param inpainter           e.g. {@code patchmatch} or {@code onnx:big-lama.onnx}
     * @param trainedFill         whether the inpainter is a trained model
     * @param detectionModels     the models that decided what to remove (detector, segmenter)
     */
    public static Disclosure peopleRemoved(String inpainter, boolean trainedFill, List<String> detectionModels) {
        DigitalSourceType term = DigitalSourceType.forInpainting(trainedFill);
        String models = detectionModels.isEmpty() ? "" : "; people located by " + String.join(", ", detectionModels);
        return new Disclosure(Optional.of(term.uri()),
                "People removed by inpainting (" + inpainter + (trainedFill ? ", a trained model" : "") + ")" + models
                        + ". Privacy-relevant metadata removed.",
                "edited", "/", "people removed by inpainting with " + inpainter + models);
    }

    /**
     * No person was found: the pixels are unchanged, only metadata was removed. The input's own DigitalSourceType
     * is carried over when it had one (it still describes the pixels); otherwise none is claimed.
     */
    public static Disclosure metadataOnly(Optional<String> inputDigitalSourceType) {
        return new Disclosure(inputDigitalSourceType.filter(DigitalSourceType::isVocabularyTerm),
                "No person found; picture content unchanged. Privacy-relevant metadata removed.",
                "saved", "/metadata", "privacy metadata removed");
    }
}
