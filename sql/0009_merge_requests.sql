-- Merge requests: a source branch proposed for a target branch in the same project, with
-- assignees, reviewers, labels, comments (some anchored to a line of a file at a commit)
-- and reviews; plus the two project settings merging reads.

-- Which merge strategies a project allows (POST .../merge refuses the others).
ALTER TABLE projects
    ADD COLUMN merge_strategies text[] NOT NULL
        DEFAULT '{merge,squash,rebase,fast-forward}'
        CHECK (cardinality(merge_strategies) >= 1
               AND merge_strategies <@ '{merge,squash,rebase,fast-forward}'::text[]);

-- A push to a merge request's source branch withdraws the approvals given before it.
ALTER TABLE protected_branches
    ADD COLUMN dismiss_stale_approvals boolean NOT NULL DEFAULT false;

-- Per-project merge request numbers (iid), separate from issues'.
CREATE TABLE merge_request_iids (
    project_id  bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    last_iid    integer NOT NULL
);

CREATE TABLE merge_requests (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id           bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    iid                  integer NOT NULL CHECK (iid > 0),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
    body                 text NOT NULL DEFAULT '' CHECK (octet_length(body) <= 1048576),
    author_id            bigint REFERENCES users (id) ON DELETE SET NULL,
    source_branch        text NOT NULL CHECK (length(source_branch) BETWEEN 1 AND 255),
    target_branch        text NOT NULL CHECK (length(target_branch) BETWEEN 1 AND 255),
    -- The branch heads when last seen (at creation, on each push, at the merge).
    source_sha           text NOT NULL CHECK (source_sha ~ '^[0-9a-f]{40}$'),
    target_sha           text NOT NULL CHECK (target_sha ~ '^[0-9a-f]{40}$'),
    state                text NOT NULL DEFAULT 'open'
                         CHECK (state IN ('open', 'merged', 'closed')),
    draft                boolean NOT NULL DEFAULT false,
    -- Merge as soon as mergeable, with this strategy, as this user.
    auto_merge           boolean NOT NULL DEFAULT false,
    auto_merge_strategy  text CHECK (auto_merge_strategy IN
                             ('merge', 'squash', 'rebase', 'fast-forward')),
    auto_merge_delete_source boolean NOT NULL DEFAULT false,
    auto_merge_by        bigint REFERENCES users (id) ON DELETE SET NULL,
    -- The last mergeability check: {"source", "target", "base", "clean", "conflicts"}; it
    -- holds as long as both branches still point where it says.
    merge_check          jsonb,
    merged_by            bigint REFERENCES users (id) ON DELETE SET NULL,
    merged_at            timestamptz,
    merge_commit_sha     text,
    merge_strategy       text,
    closed_by            bigint REFERENCES users (id) ON DELETE SET NULL,
    closed_at            timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, iid),
    CHECK (source_branch <> target_branch)
);
-- One open merge request per source -> target pair.
CREATE UNIQUE INDEX merge_requests_open_pair ON merge_requests (project_id, source_branch,
    target_branch) WHERE state = 'open';
CREATE INDEX merge_requests_project_state ON merge_requests (project_id, state, iid DESC);

CREATE TABLE merge_request_assignees (
    merge_request_id  bigint NOT NULL REFERENCES merge_requests (id) ON DELETE CASCADE,
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (merge_request_id, user_id)
);

CREATE TABLE merge_request_reviewers (
    merge_request_id  bigint NOT NULL REFERENCES merge_requests (id) ON DELETE CASCADE,
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (merge_request_id, user_id)
);

CREATE TABLE merge_request_labels (
    merge_request_id  bigint NOT NULL REFERENCES merge_requests (id) ON DELETE CASCADE,
    label_id          bigint NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    PRIMARY KEY (merge_request_id, label_id)
);
CREATE INDEX merge_request_labels_label ON merge_request_labels (label_id);

-- A comment; a line comment also names a file, a line and the commit it was read at.
CREATE TABLE merge_request_comments (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merge_request_id  bigint NOT NULL REFERENCES merge_requests (id) ON DELETE CASCADE,
    author_id         bigint REFERENCES users (id) ON DELETE SET NULL,
    body              text NOT NULL
                      CHECK (length(body) >= 1 AND octet_length(body) <= 1048576),
    path              text CHECK (length(path) BETWEEN 1 AND 4096),
    line              integer CHECK (line >= 1),
    commit_sha        text CHECK (commit_sha ~ '^[0-9a-f]{40}$'),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((path IS NULL) = (line IS NULL) AND (path IS NULL) = (commit_sha IS NULL))
);
CREATE INDEX merge_request_comments_mr ON merge_request_comments (merge_request_id, id);

CREATE TABLE merge_request_reviews (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merge_request_id  bigint NOT NULL REFERENCES merge_requests (id) ON DELETE CASCADE,
    author_id         bigint REFERENCES users (id) ON DELETE SET NULL,
    state             text NOT NULL
                      CHECK (state IN ('approved', 'changes_requested', 'commented')),
    body              text NOT NULL DEFAULT '' CHECK (octet_length(body) <= 1048576),
    commit_sha        text NOT NULL CHECK (commit_sha ~ '^[0-9a-f]{40}$'),
    dismissed_at      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merge_request_reviews_mr ON merge_request_reviews (merge_request_id, id);
