-- The secrets engine: named values sealed by envelope encryption (see
-- dais/actors/secrets/envelope.py). PostgreSQL never sees a value: each version holds its
-- ciphertext, the nonce, and its own data key wrapped by a master key that lives only in the
-- server's configuration. key_id names that master key, so a rotation can rewrap row by row
-- and resume where it stopped.
--
-- Scopes: the platform (project_id NULL), a project (environment ''), or one environment of
-- a project ('production', 'preview', ...). The scope, the name and the version are bound
-- into the ciphertext as associated data, so a row copied elsewhere no longer opens.
CREATE TABLE secrets (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint REFERENCES projects (id) ON DELETE CASCADE,
    environment  text NOT NULL DEFAULT ''
                 CHECK (environment ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)?$'),
    name         text NOT NULL CHECK (name ~ '^[A-Za-z_][A-Za-z0-9_]{0,127}$'),
    version      integer NOT NULL CHECK (version > 0),  -- the current one
    created_by   bigint REFERENCES users (id) ON DELETE SET NULL,
    updated_by   bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (project_id IS NOT NULL OR environment = '')
);
-- One name per scope; the platform's project_id is NULL, which a plain UNIQUE would let repeat.
CREATE UNIQUE INDEX secrets_scope_name ON secrets (coalesce(project_id, 0), environment, name);

CREATE TABLE secret_versions (
    secret_id    bigint NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
    version      integer NOT NULL CHECK (version > 0),
    key_id       text NOT NULL,
    wrapped_key  bytea NOT NULL,
    nonce        bytea NOT NULL,
    ciphertext   bytea NOT NULL,
    size         integer NOT NULL CHECK (size BETWEEN 0 AND 65536),
    created_by   bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (secret_id, version)
);
-- What a rotation looks for: rows not yet wrapped by the new key.
CREATE INDEX secret_versions_key ON secret_versions (key_id);

-- Webhook secrets join the engine. They key an HMAC, so they must be recoverable; until now
-- they were kept in plaintext. The sealed form goes beside the old column; dais seals every
-- plaintext secret at start-up (dais/actors/secrets/webhooks.py: SQL has no master key) and
-- empties the old column in the same transaction, and nothing writes it any more.
ALTER TABLE webhooks
    ADD COLUMN secret_key_id     text,
    ADD COLUMN secret_wrapped    bytea,
    ADD COLUMN secret_nonce      bytea,
    ADD COLUMN secret_ciphertext bytea,
    ADD CONSTRAINT webhooks_secret_sealed_whole CHECK (
        (secret_key_id IS NULL) = (secret_wrapped IS NULL)
        AND (secret_key_id IS NULL) = (secret_nonce IS NULL)
        AND (secret_key_id IS NULL) = (secret_ciphertext IS NULL)
    );
CREATE INDEX webhooks_secret_key ON webhooks (secret_key_id) WHERE secret_key_id IS NOT NULL;

-- Reading a value back is its own permission, which no built-in role but admin and
-- maintainer holds: ops may set secrets for deployments but not read them back.
UPDATE roles
   SET permissions = array_remove(permissions, 'secret:read'),
       description = 'Operates deployments and observability, and sets secrets (without reading them back).'
 WHERE name = 'ops' AND builtin;
