-- Keys that every replica must share, made on first use by whichever replica needs one
-- first (dais/storage/keys.py): e.g. the key Git LFS transfer grants are signed with, so a
-- grant issued by one replica is honoured by another behind the same load balancer.
CREATE TABLE signing_keys (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_.-]{0,62}$'),
    key         bytea NOT NULL CHECK (length(key) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);
