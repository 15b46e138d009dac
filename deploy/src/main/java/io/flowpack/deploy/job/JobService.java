package io.flowpack.deploy.job;

import io.flowpack.camel.MessageParameters;
import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.Part;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The job life cycle behind the REST API: submit (checked before anything is stored), look up, list, cancel. */
@Service
public class JobService {
    static final int MAX_LIMIT = 500;

    private final JobTemplates templates;
    private final JobRepository repository;
    private final JobWorkers workers;
    private final DocumentIngest ingest;
    private final BlobStore blobs;

    public JobService(JobTemplates templates, JobRepository repository, JobWorkers workers, DocumentIngest ingest,
                      BlobStore blobs) {
        this.templates = templates;
        this.repository = repository;
        this.workers = workers;
        this.ingest = ingest;
        this.blobs = blobs;
    }

    /**
     * Checks the template and the parameters against the template's route, stores the files in the blob store and
     * queues the job.
     *
     * @throws JobProblem                            unknown template, no files, too many files
     * @throws io.flowpack.step.ParameterException   a parameter no step declares, or a value a step refuses
     * @throws DocumentIngest.InputTooLargeException a file over the size limit
     */
    public String submit(String template, List<MultipartFile> files, Map<String, String> parameters)
            throws IOException {
        JobConsumer consumer = consumer(template);
        MessageParameters.check("template '" + template + "'", consumer.steps(), parameters);
        if (files.isEmpty()) {
            throw JobProblem.badRequest("no files: send the input files as multipart parts named 'files'");
        }
        int maxFiles = consumer.getEndpoint().getMaxFiles();
        if (files.size() > maxFiles) {
            throw JobProblem.badRequest("template '" + template + "' takes at most " + maxFiles + " files per job, got "
                    + files.size());
        }
        List<JobInput> inputs = new ArrayList<>();
        for (MultipartFile file : files) {
            inputs.add(store(file));
        }
        String id = UUID.randomUUID().toString();
        repository.insert(new JobRecord(id, template, JobState.QUEUED, Instant.now(), null, null, Map.copyOf(parameters),
                null, List.of(), false), inputs);
        workers.wake();
        return id;
    }

    public JobView view(String id) {
        JobRecord job = job(id);
        return JobView.of(job, repository.inputs(id), repository.steps(id));
    }

    public JobPage list(JobState state, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw JobProblem.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw JobProblem.badRequest("offset must not be negative, got " + offset);
        }
        List<JobSummary> jobs = repository.list(state, limit, offset).stream().map(JobSummary::of).toList();
        return new JobPage(jobs, repository.count(state), limit, offset);
    }

    public List<PartView> parts(String id) {
        return job(id).results().stream().map(PartView::of).toList();
    }

    public ResultPart part(String id, String partId) {
        return job(id).results().stream().filter(p -> p.id().equals(partId)).findFirst()
                .orElseThrow(() -> JobProblem.notFound("job " + id + " has no part " + partId));
    }

    public InputStream open(ResultPart part) throws IOException {
        if (!blobs.exists(part.blob())) {
            throw JobProblem.notFound("the content of part " + part.id() + " is no longer in the blob store");
        }
        return blobs.open(part.blob());
    }

    /**
     * A QUEUED job is CANCELLED at once; a RUNNING one is told to stop (its step sees the cancel flag and its thread
     * is interrupted) and becomes CANCELLED when the step returns.
     *
     * @throws JobProblem 404 for an unknown job, 409 for a job that already ended
     */
    public JobView cancel(String id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            JobRecord job = job(id);
            if (job.state().isFinished()) {
                throw JobProblem.conflict("job " + id + " already ended " + job.state()
                        + "; only QUEUED or RUNNING jobs can be cancelled");
            }
            if (repository.cancelQueued(id)) {
                return view(id);
            }
            if (repository.requestCancel(id)) {
                workers.cancel(id);
                return view(id);
            }
            // the job changed state between the read and the update: decide again
        }
        return view(id);
    }

    private JobConsumer consumer(String template) {
        if (template == null || template.isBlank()) {
            throw JobProblem.badRequest("the 'template' field is missing; known templates: " + known());
        }
        return templates.find(template).orElseThrow(() -> JobProblem.notFound(
                "unknown template '" + template + "'; known templates: " + known()));
    }

    private String known() {
        return templates.names().isEmpty() ? "(none: no route starts with job:)" : String.join(", ", templates.names());
    }

    private JobInput store(MultipartFile file) throws IOException {
        String name = fileName(file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            Document document = ingest.fromStream(in, name);
            Part part = document.parts().get(0);
            return new JobInput(name, part.mediaType(), part.blob());
        }
    }

    /** The file name without any folder a browser may send; {@code input} when there is none. */
    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "input";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        return name.isBlank() ? "input" : name;
    }

    private JobRecord job(String id) {
        return repository.find(id).orElseThrow(() -> JobProblem.notFound("no job " + id));
    }
}
