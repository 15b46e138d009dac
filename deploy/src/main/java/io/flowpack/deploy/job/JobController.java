package io.flowpack.deploy.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The job REST API, after jadice flow's life cycle: create (202 + id), poll the state, fetch the results. */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs", description = "Submit files to a template's route, follow the job, fetch the result parts")
public class JobController {
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String TEMPLATE_FIELD = "template";
    private static final String FILES_FIELD = "files";

    private final JobService jobs;

    public JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a job",
            description = "Stores the files and queues a job for the template's route. The template and every "
                    + "parameter are checked against the route's steps before anything is accepted.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = JobSubmissionForm.class))))
    @ApiResponse(responseCode = "202", description = "Accepted; the Location header is the job's URL",
            content = @Content(schema = @Schema(implementation = JobCreated.class)))
    @ApiResponse(responseCode = "400", description = "No files, or a parameter no step declares or a step refuses",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Unknown template",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "A file is over the size limit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<JobCreated> submit(@Parameter(hidden = true) MultipartHttpServletRequest request)
            throws IOException {
        checkFileParts(request);
        List<MultipartFile> files = request.getFiles(FILES_FIELD);
        String id = jobs.submit(request.getParameter(TEMPLATE_FIELD), files, parameters(request));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.accepted().location(location).body(new JobCreated(id));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A job: state, per-step progress, failure reason and result parts")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobView.class)))
    @ApiResponse(responseCode = "404", description = "Unknown job",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public JobView get(@PathVariable String id) {
        return jobs.view(id);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List jobs, newest first")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobPage.class)))
    public JobPage list(@Parameter(description = "Only jobs in this state") @RequestParam(required = false) JobState state,
                        @Parameter(description = "Jobs per page, 1 to 500") @RequestParam(defaultValue = "50") int limit,
                        @Parameter(description = "Jobs to skip") @RequestParam(defaultValue = "0") int offset) {
        return jobs.list(state, limit, offset);
    }

    @GetMapping(value = "/{id}/parts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The result parts of a job and the audit record of each document")
    @ApiResponse(responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = PartView.class))))
    @ApiResponse(responseCode = "404", description = "Unknown job",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public List<PartView> parts(@PathVariable String id) {
        return jobs.parts(id);
    }

    @GetMapping("/{id}/parts/{partId}")
    @Operation(summary = "The content of a part, with its media type and file name")
    @ApiResponse(responseCode = "200", description = "The part's bytes",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "Unknown job or part",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<InputStreamResource> content(@PathVariable String id, @PathVariable String partId)
            throws IOException {
        ResultPart part = jobs.part(id, partId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(part.mediaType()))
                .contentLength(part.blob().size())
                .header("Content-Disposition", attachment(part.name()))
                .body(new InputStreamResource(jobs.open(part)));
    }

    @DeleteMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a job",
            description = "A queued job is cancelled at once (200); a running job is told to stop and becomes "
                    + "CANCELLED when its step returns (202).")
    @ApiResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @ApiResponse(responseCode = "202", description = "Cancellation requested; the job is stopping",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @ApiResponse(responseCode = "404", description = "Unknown job",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The job already ended",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<JobView> cancel(@PathVariable String id) {
        JobView view = jobs.cancel(id);
        HttpStatus status = view.state() == JobState.CANCELLED ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(view);
    }

    /** A plain {@code filename="…"} for ASCII names, RFC 5987 {@code filename*=UTF-8''…} for the others. */
    private static String attachment(String name) {
        ContentDisposition.Builder disposition = ContentDisposition.attachment();
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
        return (ascii ? disposition.filename(name) : disposition.filename(name, StandardCharsets.UTF_8)).build()
                .toString();
    }

    /** Every form field but the template is a step parameter; each may be given once. */
    private static Map<String, String> parameters(MultipartHttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.equals(FILES_FIELD)) {
                throw JobProblem.badRequest("'files' must be file parts (with a file name), not a text field");
            }
            if (values.length > 1) {
                throw JobProblem.badRequest("field '" + name + "' is given " + values.length + " times; give it once");
            }
            if (!name.equals(TEMPLATE_FIELD)) {
                parameters.put(name, values[0]);
            }
        });
        return parameters;
    }

    private static void checkFileParts(MultipartHttpServletRequest request) {
        for (String name : request.getMultiFileMap().keySet()) {
            if (!name.equals(FILES_FIELD)) {
                throw JobProblem.badRequest("unexpected file part '" + name + "'; send input files as parts named '"
                        + FILES_FIELD + "'");
            }
        }
    }
}
