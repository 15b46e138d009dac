package io.flowpack.anonymizer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.mask.PersonMask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

    @Test
    void recordsEveryPartOfTheChangeAndReadsBack() throws Exception {
        PersonMask mask = PersonMask.empty(10, 10);
        java.util.Arrays.fill(mask.alpha(), 0, 25, (byte) 255);
        AnonymizationAudit audit = new AnonymizationAudit("photo.jpg", 10, 10,
                AnonymizationAudit.Detection.of(List.of(new PersonBox(1, 2, 3, 4, 0.9, "nanodet", "ab12"))),
                MaskArea.percent(mask), new AnonymizationAudit.Inpainting("patchmatch", Map.of("patchSize", 7)),
                List.of("GPS:GPSLatitude", "IFD0:Artist"), List.of("IFD0:Copyright"),
                "http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic", new PhaseTimings(1, 2, 3, 4, 5));

        byte[] json = AuditJson.write(audit);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(tree.at("/detections/0/box/width").asDouble()).isEqualTo(3);
        assertThat(tree.at("/detections/0/modelSha256").asText()).isEqualTo("ab12");
        assertThat(tree.at("/maskAreaPercent").asDouble()).isEqualTo(25.0);
        assertThat(tree.at("/inpainter/parameters/patchSize").asInt()).isEqualTo(7);
        assertThat(tree.at("/metadataRemoved/1").asText()).isEqualTo("IFD0:Artist");
        assertThat(tree.at("/timings/inpaintMillis").asLong()).isEqualTo(4);
        assertThat(tree.at("/timings/totalMillis").asLong()).isEqualTo(15);
        assertThat(AuditJson.read(json)).isEqualTo(audit);
    }
}
