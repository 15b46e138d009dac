package io.flowpack.deploy.job;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * 413 with the limit for an upload over {@code spring.servlet.multipart.*}. Global because the multipart body is
 * parsed before any controller is chosen, so {@link JobProblems} never sees this exception from a real upload.
 */
@RestControllerAdvice
class UploadLimitProblem {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return of(e);
    }

    static ProblemDetail of(MaxUploadSizeExceededException e) {
        String limit = e.getMaxUploadSize() < 0 ? "the server's limit" : e.getMaxUploadSize() + " bytes";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the upload is over " + limit + " (spring.servlet.multipart.max-file-size / max-request-size)");
        problem.setTitle("Upload too large");
        return problem;
    }
}
