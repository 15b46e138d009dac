-- Jobs submitted over the REST API (io.flowpack.deploy.job). The job table is also the work queue: a worker
-- claims the oldest QUEUED row whose template's route is running, so a queued job survives any restart.
-- Content never lives here, only references into the blob store (key, size, SHA-256).

CREATE TABLE job (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    template         VARCHAR(255)             NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    created          TIMESTAMP WITH TIME ZONE NOT NULL,
    started          TIMESTAMP WITH TIME ZONE,
    finished         TIMESTAMP WITH TIME ZONE,
    -- the step parameters as given ({"factor": "3", "upscale.method": "lanczos"})
    parameters       CHARACTER LARGE OBJECT   NOT NULL,
    error            CHARACTER LARGE OBJECT,
    -- the result and audit parts as JSON part references
    results          CHARACTER LARGE OBJECT,
    -- set by DELETE while the job runs; a job found RUNNING with it at start-up ends CANCELLED, not QUEUED
    cancel_requested BOOLEAN DEFAULT FALSE    NOT NULL,
    attempts         INT     DEFAULT 0        NOT NULL
);

CREATE INDEX job_state_created ON job (state, created);
CREATE INDEX job_created ON job (created);

CREATE TABLE job_input (
    job_id     VARCHAR(36)   NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    seq        INT           NOT NULL,
    name       VARCHAR(1024) NOT NULL,
    media_type VARCHAR(255)  NOT NULL,
    blob_key   VARCHAR(255)  NOT NULL,
    size_bytes BIGINT        NOT NULL,
    sha256     VARCHAR(64)   NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- one row per step of the template's route, in route order
CREATE TABLE job_step (
    job_id          VARCHAR(36)      NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    step            VARCHAR(255)     NOT NULL,
    seq             INT              NOT NULL,
    state           VARCHAR(16)      NOT NULL,
    progress        DOUBLE PRECISION NOT NULL,
    message         VARCHAR(1024),
    duration_millis BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (job_id, step)
);
