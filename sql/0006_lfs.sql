-- Git LFS. The blob store is shared and content-addressed (one file per sha256, whichever
-- project uploaded it), so lfs_objects records which project may see which object: an
-- object is downloadable from a project only after someone with write access to that
-- project uploaded its content there.
CREATE TABLE lfs_objects (
    project_id  bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    oid         text NOT NULL CHECK (oid ~ '^[0-9a-f]{64}$'),
    size        bigint NOT NULL CHECK (size >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, oid)
);
-- For a collector of blobs no project references any more.
CREATE INDEX lfs_objects_oid ON lfs_objects (oid);

-- File locks (the Git LFS locking API): one lock per path per project.
CREATE TABLE lfs_locks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    path        text NOT NULL CHECK (length(path) BETWEEN 1 AND 4096),
    owner_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    locked_at   timestamptz NOT NULL DEFAULT now(),
    ref         text,
    UNIQUE (project_id, path)
);
