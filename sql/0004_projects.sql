-- Projects: a namespace (the owner's username), a name, and a bare repository on disk
-- named after the project id, so renames never move files.
CREATE TABLE projects (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id        bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    name            text NOT NULL,
    visibility      text NOT NULL DEFAULT 'private'
                    CHECK (visibility IN ('public', 'internal', 'private')),
    description     text NOT NULL DEFAULT '',
    default_branch  text NOT NULL DEFAULT 'main',
    archived        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_id, name)
);

-- Project-scoped role assignments and delegations keep a plain project_id (no foreign key:
-- identity knows nothing of projects); deleting a project deletes them in its transaction.
CREATE INDEX role_assignments_project ON role_assignments (project_id)
    WHERE project_id IS NOT NULL;
