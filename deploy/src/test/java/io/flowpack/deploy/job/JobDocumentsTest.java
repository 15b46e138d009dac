package io.flowpack.deploy.job;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's files become documents: one each, a {@code <name>.mask.<ext>} file joining its picture. */
class JobDocumentsTest {

    @Test
    void aMaskFileJoinsThePictureOfTheSameName() {
        List<Document> documents = JobDocuments.of(List.of(input("a.png"), input("b.jpg"), input("a.mask.png")));

        assertThat(documents).extracting(Document::name).containsExactly("a.png", "b.jpg");
        assertThat(documents.get(0).parts()).extracting(Part::name).containsExactly("a.png", "a.mask.png");
        assertThat(documents.get(0).parts()).allMatch(Part::isBase);
        assertThat(documents.get(1).parts()).extracting(Part::name).containsExactly("b.jpg");
    }

    @Test
    void aMaskWithoutItsPictureOrWithTwoCandidatesIsADocumentOfItsOwn() {
        List<Document> documents = JobDocuments.of(List.of(input("x.png"), input("y.MASK.png"), input("x.jpg"),
                input("x.mask.png")));

        assertThat(documents).extracting(Document::name).containsExactly("x.png", "y.MASK.png", "x.jpg",
                "x.mask.png");
        assertThat(documents).allMatch(d -> d.parts().size() == 1);
    }

    @Test
    void namesThatOnlyLookLikeMasksStayPictures() {
        assertThat(JobDocuments.isMask("photo.mask.png")).isTrue();
        assertThat(JobDocuments.isMask("photo.MASK.PNG")).isTrue();
        assertThat(JobDocuments.isMask("mask.png")).isFalse();
        assertThat(JobDocuments.isMask(".mask.png")).isFalse();
        assertThat(JobDocuments.isMask("photo-mask.png")).isFalse();
    }

    private static JobInput input(String name) {
        return new JobInput(name, "image/png", new BlobRef("key-" + name, 1, "0".repeat(64)));
    }
}
