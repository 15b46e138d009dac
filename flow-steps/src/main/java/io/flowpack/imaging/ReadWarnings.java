package io.flowpack.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a reader's warnings. The JPEG decoders only warn when the data ends early and fill the rest
 * with gray; {@link #truncation()} turns that into a failure.
 */
final class ReadWarnings implements IIOReadWarningListener {
    private static final Logger log = LoggerFactory.getLogger(ReadWarnings.class);
    private static final List<String> TRUNCATION_HINTS = List.of("premature end", "truncated", "missing eoi", "unexpected end");

    private final List<String> messages = new ArrayList<>();

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        log.debug("image reader warning: {}", warning);
        messages.add(warning);
    }

    void clear() {
        messages.clear();
    }

    /** The first warning that says the data ended before the image was complete. */
    Optional<String> truncation() {
        return messages.stream()
                .filter(message -> TRUNCATION_HINTS.stream().anyMatch(message.toLowerCase(Locale.ROOT)::contains))
                .findFirst();
    }
}
