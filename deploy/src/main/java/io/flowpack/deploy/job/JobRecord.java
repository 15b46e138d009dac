package io.flowpack.deploy.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job row as stored: the state, times, parameters as given, the failure reason and the result parts. */
public record JobRecord(String id, String template, JobState state, Instant created, Instant started,
                        Instant finished, Map<String, String> parameters, String error, List<ResultPart> results,
                        boolean cancelRequested) {
}
