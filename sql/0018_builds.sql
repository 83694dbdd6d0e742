-- The build engine (dais/actors/builds/): pipelines and their steps, artifacts, commit
-- statuses, schedules; and tokens restricted to one project (a pipeline's job token).

-- A token restricted to one project can do nothing anywhere else (not even global reads).
-- ``internal`` tokens are made by dais for its own runs (job tokens): not listed to their
-- owner, revoked by dais when the run ends. Like role assignments, a plain project_id.
ALTER TABLE api_tokens
    ADD COLUMN project_id bigint,
    ADD COLUMN internal boolean NOT NULL DEFAULT false;
CREATE INDEX api_tokens_project ON api_tokens (project_id) WHERE project_id IS NOT NULL;

-- "Pipelines must succeed": a merge request merges only once its source head's pipeline has.
ALTER TABLE projects ADD COLUMN pipeline_must_succeed boolean NOT NULL DEFAULT false;

-- The last pipeline number handed out per project (as issue_counters).
CREATE TABLE pipeline_counters (
    project_id   bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    last_number  integer NOT NULL
);

CREATE TABLE pipeline_schedules (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    description   text NOT NULL CHECK (length(description) BETWEEN 1 AND 255),
    cron          text NOT NULL CHECK (length(cron) <= 255),
    timezone      text NOT NULL DEFAULT 'UTC',
    ref           text NOT NULL,
    variables     jsonb NOT NULL DEFAULT '{}',
    active        boolean NOT NULL DEFAULT true,
    next_run_at   timestamptz,
    last_run_at   timestamptz,
    last_pipeline_id bigint,
    created_by    bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pipeline_schedules_project ON pipeline_schedules (project_id, id);
CREATE INDEX pipeline_schedules_due ON pipeline_schedules (next_run_at) WHERE active;

CREATE TABLE pipelines (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number          integer NOT NULL CHECK (number > 0),
    event           text NOT NULL
                    CHECK (event IN ('push', 'merge_request', 'tag', 'manual', 'schedule')),
    ref             text NOT NULL,
    sha             text NOT NULL CHECK (sha ~ '^[0-9a-f]{40}$'),
    title           text NOT NULL DEFAULT '',
    label           text NOT NULL DEFAULT '',
    variables       jsonb NOT NULL DEFAULT '{}',
    state           text NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'running', 'success', 'failed', 'cancelled',
                                     'error')),
    error           text,
    executor        text NOT NULL DEFAULT 'local',
    sandboxed       boolean NOT NULL DEFAULT false,
    cancel_requested boolean NOT NULL DEFAULT false,
    merge_request_iid integer,
    schedule_id     bigint REFERENCES pipeline_schedules (id) ON DELETE SET NULL,
    created_by      bigint REFERENCES users (id) ON DELETE SET NULL,
    -- The outbox event (or manual request) that made it, with the matrix label: an event
    -- delivered twice makes its pipelines once.
    trigger_key     text,
    -- Which runner holds it, until when (renewed by heartbeats): a runner that died lets
    -- its lease run out, and the next runner to look marks its running steps failed.
    runner          text,
    lease_expires_at timestamptz,
    token_id        bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    UNIQUE (project_id, number),
    UNIQUE (project_id, trigger_key, label)
);
CREATE INDEX pipelines_project ON pipelines (project_id, number DESC);
CREATE INDEX pipelines_project_sha ON pipelines (project_id, sha, number DESC);
CREATE INDEX pipelines_queue ON pipelines (id) WHERE state IN ('pending', 'running');

CREATE TABLE pipeline_steps (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pipeline_id   bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    name          text NOT NULL,
    position      integer NOT NULL,
    stage         integer NOT NULL,
    -- The step as parsed (commands, image, environment, secrets, depends_on, when, timeout,
    -- retry, artifacts, services, ignore_failure): what a retry runs again.
    spec          jsonb NOT NULL,
    state         text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'running', 'success', 'failed', 'cancelled',
                                   'skipped')),
    exit_code     integer,
    attempt       integer NOT NULL DEFAULT 0,
    error         text,
    started_at    timestamptz,
    finished_at   timestamptz,
    log_lines     integer NOT NULL DEFAULT 0,
    log_bytes     bigint NOT NULL DEFAULT 0,
    log_truncated boolean NOT NULL DEFAULT false,
    UNIQUE (pipeline_id, name)
);

CREATE TABLE pipeline_artifacts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pipeline_id   bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    step_id       bigint NOT NULL REFERENCES pipeline_steps (id) ON DELETE CASCADE,
    path          text NOT NULL,
    size          bigint NOT NULL,
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    expires_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (step_id, path)
);
CREATE INDEX pipeline_artifacts_pipeline ON pipeline_artifacts (pipeline_id, id);
CREATE INDEX pipeline_artifacts_sha256 ON pipeline_artifacts (sha256);
CREATE INDEX pipeline_artifacts_expiry ON pipeline_artifacts (expires_at)
    WHERE expires_at IS NOT NULL;

-- A commit's statuses, one per context (``dais/pipeline`` for dais's own pipelines, any
-- other for external CI); setting a context again replaces it.
CREATE TABLE commit_statuses (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    sha           text NOT NULL CHECK (sha ~ '^[0-9a-f]{40}$'),
    context       text NOT NULL CHECK (length(context) BETWEEN 1 AND 255),
    state         text NOT NULL
                  CHECK (state IN ('pending', 'running', 'success', 'failed', 'cancelled')),
    description   text NOT NULL DEFAULT '' CHECK (length(description) <= 1024),
    target_url    text CHECK (length(target_url) <= 2048),
    pipeline_id   bigint REFERENCES pipelines (id) ON DELETE SET NULL,
    created_by    bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, sha, context)
);
