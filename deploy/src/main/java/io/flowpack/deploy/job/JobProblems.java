package io.flowpack.deploy.job;

import io.flowpack.document.DocumentIngest;
import io.flowpack.step.ParameterException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.net.URI;

/** Answers the job API's refusals as RFC 7807 {@code application/problem+json} with the precise reason. */
@RestControllerAdvice(assignableTypes = JobController.class)
class JobProblems {

    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> refused(ErrorResponseException e, HttpServletRequest request) {
        return answer(e.getBody(), request);
    }

    @ExceptionHandler(ParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(ParameterException e, HttpServletRequest request) {
        return answer(problem(HttpStatus.BAD_REQUEST, "Invalid job parameter", e.getMessage()), request);
    }

    @ExceptionHandler(DocumentIngest.InputTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(DocumentIngest.InputTooLargeException e, HttpServletRequest request) {
        return answer(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Input too large", e.getMessage()), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(UploadLimitProblem.of(e), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e, HttpServletRequest request) {
        return answer(problem(HttpStatus.BAD_REQUEST, "Invalid job",
                "send the job as multipart/form-data with 'files' parts and a 'template' field: " + e.getMessage()),
                request);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
