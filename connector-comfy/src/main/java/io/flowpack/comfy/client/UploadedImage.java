package io.flowpack.comfy.client;

/**
 * What {@code /upload/image} answered: the stored name (possibly renamed, e.g. {@code photo (1).png}), its subfolder
 * and folder type.
 */
public record UploadedImage(String name, String subfolder, String type) {

    /** The value a {@code LoadImage.image} input takes: {@code name}, or {@code subfolder/name}. */
    public String reference() {
        return subfolder == null || subfolder.isEmpty() ? name : subfolder + "/" + name;
    }
}
