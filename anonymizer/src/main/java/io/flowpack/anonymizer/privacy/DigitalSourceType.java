package io.flowpack.anonymizer.privacy;

/**
 * The IPTC Digital Source Type terms ({@code https://cv.iptc.org/newscodes/digitalsourcetype/}) the anonymizer
 * writes into {@code Iptc4xmpExt:DigitalSourceType}.
 *
 * <p>The term describes where the output's pixels came from. After people are removed the picture is a capture
 * with a region filled by an algorithm, so it is a composite:
 * <ul>
 *   <li>filled by a trained model (LaMa, MI-GAN through ONNX, or a ComfyUI inpainting workflow):
 *       {@link #COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA} — "mix or composite of several elements, at least one of
 *       which is trained algorithmic media";</li>
 *   <li>filled by PatchMatch, which copies patches of the same photo and learned nothing from other images:
 *       {@link #COMPOSITE_SYNTHETIC} — "at least one of which is synthetic". The trained detector and segmenter only
 *       chose <em>where</em> to fill; they produced no pixel, so calling the fill trained algorithmic media would
 *       overstate it. Their part is recorded in the XMP history note and the audit record instead.</li>
 * </ul>
 * When no person was found the pixels are the capture's own: no term about the content is claimed
 * (not even {@code digitalCapture}, which flowpack cannot know), only a history note saying metadata was removed.
 */
public enum DigitalSourceType {
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA("compositeWithTrainedAlgorithmicMedia"),
    COMPOSITE_SYNTHETIC("compositeSynthetic");

    private static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    private final String code;

    DigitalSourceType(String code) {
        this.code = code;
    }

    /** The term's code, e.g. {@code compositeSynthetic}. */
    public String code() {
        return code;
    }

    /** The full term as XMP carries it: {@code http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic}. */
    public String uri() {
        return VOCABULARY + code;
    }

    /** The term for a photo whose people were filled in by an inpainter. */
    public static DigitalSourceType forInpainting(boolean fillFromTrainedModel) {
        return fillFromTrainedModel ? COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA : COMPOSITE_SYNTHETIC;
    }

    /** Whether a text is a term of this vocabulary (a known one or not), so it can be carried over unchanged. */
    public static boolean isVocabularyTerm(String uri) {
        return uri != null && (uri.startsWith(VOCABULARY) || uri.startsWith("https://cv.iptc.org/newscodes/digitalsourcetype/"))
                && uri.matches("https?://cv\\.iptc\\.org/newscodes/digitalsourcetype/[A-Za-z]+");
    }
}
