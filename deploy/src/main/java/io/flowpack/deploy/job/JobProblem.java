package io.flowpack.deploy.job;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused job request, answered as RFC 7807 problem JSON with {@code detail} naming the problem. */
class JobProblem extends ErrorResponseException {

    private JobProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static JobProblem notFound(String detail) {
        return new JobProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    static JobProblem badRequest(String detail) {
        return new JobProblem(HttpStatus.BAD_REQUEST, "Invalid job", detail);
    }

    static JobProblem conflict(String detail) {
        return new JobProblem(HttpStatus.CONFLICT, "Job already ended", detail);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
