-- Protected branch rules: a branch name or glob per rule, enforced by the pre-receive hook.
CREATE TABLE protected_branches (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id          bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    pattern             text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 255),
    allow_force_push    boolean NOT NULL DEFAULT false,
    allow_deletion      boolean NOT NULL DEFAULT false,
    push_roles          text[] NOT NULL DEFAULT '{maintainer}',
    merge_roles         text[] NOT NULL DEFAULT '{maintainer,developer}',
    required_approvals  integer NOT NULL DEFAULT 0 CHECK (required_approvals BETWEEN 0 AND 50),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, pattern)
);
