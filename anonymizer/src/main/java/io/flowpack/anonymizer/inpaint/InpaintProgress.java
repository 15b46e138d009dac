package io.flowpack.anonymizer.inpaint;

/** Told how far an inpainting has come. */
@FunctionalInterface
public interface InpaintProgress {
    InpaintProgress NONE = (fraction, message) -> { };

    /** @param fraction 0..1 of the whole inpainting */
    void update(double fraction, String message);
}
