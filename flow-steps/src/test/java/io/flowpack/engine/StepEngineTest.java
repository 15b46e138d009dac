package io.flowpack.engine;

import io.flowpack.document.Document;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.DocumentJson;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import io.flowpack.step.ParameterException;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepException;
import io.flowpack.testsupport.UpperCaseStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepEngineTest {
    @TempDir
    Path dir;

    private Document text(DocumentIngest ingest, String name, String content) throws Exception {
        return ingest.fromStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name);
    }

    @Test
    void runsTheStepMarksSourcesMetaAndAudits() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        DocumentIngest ingest = new DocumentIngest(blobs, 1000);
        StepEngine engine = new StepEngine(blobs);
        List<AuditEntry> observed = new ArrayList<>();
        engine.addObserver(observed::add);
        Document doc = text(ingest, "note.txt", "hello");

        engine.run(doc, new UpperCaseStep(), Map.of("repeat", "2"), RunOptions.DEFAULT);

        assertThat(doc.parts()).hasSize(2);
        assertThat(doc.parts().get(0).kind()).isEqualTo(PartKind.META);
        Part result = doc.baseParts().get(0);
        assertThat(result.name()).isEqualTo("note-upper.txt");
        try (InputStream in = blobs.open(result.blob())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("HELLOHELLO");
        }
        AuditEntry entry = doc.audit().get(0);
        assertThat(entry.step()).isEqualTo("upper");
        assertThat(entry.outcome()).isEqualTo(AuditEntry.OK);
        assertThat(entry.parameters()).containsEntry("repeat", 2).containsEntry("suffix", "upper");
        assertThat(entry.details()).containsEntry("characters", 10);
        assertThat(entry.inputs()).containsExactly(doc.parts().get(0).id());
        assertThat(entry.outputs()).containsExactly(result.id());
        assertThat(observed).containsExactly(entry);

        Document back = DocumentJson.fromJson(DocumentJson.toJson(doc));
        assertThat(back.parts()).isEqualTo(doc.parts());
        assertThat(back.audit()).isEqualTo(doc.audit());
    }

    @Test
    void aFailingStepIsAuditedAndLeavesTheInputUnprocessed() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        Document doc = text(new DocumentIngest(blobs, 1000), "bad.txt", "please FAIL");
        StepEngine engine = new StepEngine(blobs);

        assertThatThrownBy(() -> engine.run(doc, new UpperCaseStep(), Map.of(), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessage("text of 'bad.txt' asks to fail");
        assertThat(doc.parts()).singleElement().extracting(Part::kind).isEqualTo(PartKind.BASE);
        assertThat(doc.audit()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.FAILED);
            assertThat(e.error()).isEqualTo("text of 'bad.txt' asks to fail");
        });
    }

    @Test
    void inputsAreSelectedByMediaType() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        Document doc = new DocumentIngest(blobs, 1000).fromStream(new ByteArrayInputStream("%PDF-1.7".getBytes()), "a.pdf");
        assertThatThrownBy(() -> new StepEngine(blobs).run(doc, new UpperCaseStep(), Map.of(), RunOptions.DEFAULT))
                .hasMessage("step 'upper' found no input: it accepts text/plain; the document has application/pdf 'a.pdf'");
    }

    @Test
    void wrongParametersFailBeforeRunning() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        Document doc = text(new DocumentIngest(blobs, 1000), "a.txt", "x");
        assertThatThrownBy(() -> new StepEngine(blobs).run(doc, new UpperCaseStep(), Map.of("repeats", "2"), RunOptions.DEFAULT))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("unknown parameter 'repeats' for step 'upper'; known: suffix, repeat");
        assertThat(doc.audit()).isEmpty();
    }

    @Test
    void cancellationStopsBeforeTheStepRuns() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        Document doc = text(new DocumentIngest(blobs, 1000), "a.txt", "x");
        assertThatThrownBy(() -> new StepEngine(blobs).run(doc, new UpperCaseStep(), Map.of(),
                RunOptions.DEFAULT.withCancelled(() -> true)))
                .isInstanceOf(StepCancelledException.class);
        assertThat(doc.audit()).singleElement().extracting(AuditEntry::outcome).isEqualTo(AuditEntry.CANCELLED);
    }

    @Test
    void ingestRefusesInputsOverTheLimitWhileReading() {
        FileBlobStore blobs = new FileBlobStore(dir);
        assertThatThrownBy(() -> new DocumentIngest(blobs, 10).fromStream(new ByteArrayInputStream(new byte[11]), "big.bin"))
                .isInstanceOf(DocumentIngest.InputTooLargeException.class)
                .hasMessage("input 'big.bin' is larger than the limit of 10 bytes");
    }

    @Test
    void registryNamesTheKnownStepsForAnUnknownOne() {
        StepRegistry registry = new StepRegistry().register(new UpperCaseStep());
        assertThatThrownBy(() -> registry.require("lower")).hasMessage("unknown step 'lower'; known: upper");
    }
}
