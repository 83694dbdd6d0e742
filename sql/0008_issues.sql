-- Issues: numbered per project (iid), with labels, assignees, a milestone and comments.

-- The last iid handed out in each project. Allocating is an upsert that row-locks the
-- project's counter until the creating transaction ends, so concurrent creators get 1, 2, 3...
-- and a rolled-back creation gives its number back (no gaps).
CREATE TABLE issue_counters (
    project_id  bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    last_iid    integer NOT NULL
);

CREATE TABLE issues (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    iid           integer NOT NULL CHECK (iid > 0),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
    body          text NOT NULL DEFAULT '' CHECK (octet_length(body) <= 1048576),
    state         text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    author_id     bigint REFERENCES users (id) ON DELETE SET NULL,
    milestone_id  bigint REFERENCES milestones (id) ON DELETE SET NULL,
    closed_by_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    closed_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- Full-text search over the title (weighted higher) and the first 100,000 characters of
    -- the body: a tsvector is capped at 1 MB, which a 1 MB body of distinct words could pass.
    search        tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', title), 'A')
                      || setweight(to_tsvector('english', left(body, 100000)), 'B')
                  ) STORED,
    UNIQUE (project_id, iid)
);
-- Listing: a project's issues by state, newest (or most recently updated) first.
CREATE INDEX issues_project_state_created ON issues (project_id, state, created_at DESC, iid DESC);
CREATE INDEX issues_project_created ON issues (project_id, created_at DESC, iid DESC);
CREATE INDEX issues_project_updated ON issues (project_id, updated_at DESC, iid DESC);
CREATE INDEX issues_author ON issues (author_id);
-- Milestone progress counts a milestone's issues by state.
CREATE INDEX issues_milestone ON issues (milestone_id, state) WHERE milestone_id IS NOT NULL;
CREATE INDEX issues_search ON issues USING gin (search);

-- Labels on issues. The primary key serves "the labels of an issue"; the second index
-- serves the label filter. The issue's state is copied here (kept in step by the issues
-- actor) so that "open issues labelled L" and their count are one index range, without
-- visiting each issue: counting 1,500 of 10,000 issues through the issues table cost ~3 ms,
-- this way ~0.2 ms.
CREATE TABLE issue_labels (
    issue_id  bigint NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    label_id  bigint NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    state     text NOT NULL CHECK (state IN ('open', 'closed')),
    PRIMARY KEY (issue_id, label_id)
);
CREATE INDEX issue_labels_label ON issue_labels (label_id, state, issue_id);

CREATE TABLE issue_assignees (
    issue_id  bigint NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (issue_id, user_id)
);
CREATE INDEX issue_assignees_user ON issue_assignees (user_id, issue_id);

CREATE TABLE issue_comments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id    bigint NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    author_id   bigint REFERENCES users (id) ON DELETE SET NULL,
    body        text NOT NULL CHECK (length(body) >= 1 AND octet_length(body) <= 1048576),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issue_comments_issue ON issue_comments (issue_id, id);
