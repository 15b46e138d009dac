package io.flowpack.deploy.job;

import io.flowpack.document.Document;
import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents of a job: one per uploaded file, except that a file named {@code <name>.mask.<ext>} travels as a
 * second part of the document of {@code <name>.<ext>} when the job has that file (a review mask for the anonymize
 * step, a ComfyUI MASK sent by the node pack). A mask without its picture is a document of its own.
 */
final class JobDocuments {

    private JobDocuments() {
    }

    static List<Document> of(List<JobInput> inputs) {
        Map<String, List<JobInput>> pictures = new LinkedHashMap<>();
        for (JobInput input : inputs) {
            if (!isMask(input.name())) {
                pictures.computeIfAbsent(MediaTypes.baseName(input.name()), key -> new ArrayList<>()).add(input);
            }
        }
        Map<JobInput, List<Part>> masks = new LinkedHashMap<>();
        List<JobInput> ownDocuments = new ArrayList<>();
        for (JobInput input : inputs) {
            List<JobInput> owners = isMask(input.name())
                    ? pictures.get(MediaTypes.baseName(MediaTypes.baseName(input.name()))) : null;
            if (owners != null && owners.size() == 1) {
                masks.computeIfAbsent(owners.get(0), key -> new ArrayList<>()).add(part(input));
            } else {
                ownDocuments.add(input);
            }
        }
        List<Document> documents = new ArrayList<>();
        for (JobInput input : ownDocuments) {
            List<Part> parts = new ArrayList<>();
            parts.add(part(input));
            parts.addAll(masks.getOrDefault(input, List.of()));
            documents.add(Document.of(input.name(), parts.toArray(Part[]::new)));
        }
        return documents;
    }

    static boolean isMask(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".+\\.mask\\.[a-z0-9]+");
    }

    private static Part part(JobInput input) {
        return Part.base(input.mediaType(), input.name(), input.blob(), Map.of());
    }
}
