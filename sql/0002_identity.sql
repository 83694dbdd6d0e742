-- Identity: users, sessions, API tokens, passkeys, roles, assignments, delegations, audit.

CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('human', 'agent', 'service')),
    username       text NOT NULL UNIQUE,
    email          text,
    display_name   text NOT NULL DEFAULT '',
    password_hash  text,
    active         boolean NOT NULL DEFAULT true,
    is_admin       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A session cookie holds a random secret; only its SHA-256 is stored.
CREATE TABLE sessions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_hash     bytea NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,           -- absolute expiry
    client_address  inet,
    user_agent      text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text NOT NULL,
    secret_hash   bytea NOT NULL UNIQUE,
    last4         text NOT NULL,
    scopes        text[] NOT NULL,
    expires_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE passkeys (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id  bytea NOT NULL UNIQUE,
    public_key     bytea NOT NULL,
    sign_count     bigint NOT NULL DEFAULT 0,
    aaguid         text NOT NULL DEFAULT '',
    transports     text[] NOT NULL DEFAULT '{}',
    name           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_used_at   timestamptz
);
CREATE INDEX passkeys_user ON passkeys (user_id);

CREATE TABLE roles (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    description  text NOT NULL DEFAULT '',
    permissions  text[] NOT NULL,
    builtin      boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- project_id is NULL for a global assignment. It gains its foreign key when projects exist.
CREATE TABLE role_assignments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id     bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    project_id  bigint,
    created_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (user_id, role_id, project_id)
);
CREATE INDEX role_assignments_user ON role_assignments (user_id);

CREATE TABLE delegations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delegator_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    delegate_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    permissions   text[] NOT NULL,
    project_id    bigint,
    expires_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    CHECK (delegator_id <> delegate_id)
);
CREATE INDEX delegations_delegate ON delegations (delegate_id) WHERE revoked_at IS NULL;

-- Written in the same transaction as the change it records.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    actor_id        bigint,
    actor_name      text,
    on_behalf_of    bigint,
    action          text NOT NULL,
    target_type     text NOT NULL,
    target_id       text,
    client_address  inet,
    user_agent      text,
    details         jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);

INSERT INTO roles (name, description, permissions, builtin) VALUES
  ('admin', 'Everything, everywhere.',
   ARRAY['project:read','project:write','project:admin','issue:write','merge_request:write',
         'merge_request:merge','pipeline:read','pipeline:run','deploy:read','deploy:promote',
         'observe:read','secret:read','secret:write','agent:run','admin:users','admin:roles',
         'admin:platform'], true),
  ('maintainer', 'Develops, merges, deploys and manages the project and its secrets.',
   ARRAY['project:read','project:write','project:admin','issue:write','merge_request:write',
         'merge_request:merge','pipeline:read','pipeline:run','deploy:read','deploy:promote',
         'observe:read','secret:read','secret:write','agent:run'], true),
  ('developer', 'Writes code, issues and merge requests; runs pipelines and agents.',
   ARRAY['project:read','project:write','issue:write','merge_request:write','pipeline:read',
         'pipeline:run','deploy:read','observe:read','agent:run'], true),
  ('ops', 'Operates deployments, observability and secrets.',
   ARRAY['project:read','pipeline:read','pipeline:run','deploy:read','deploy:promote',
         'observe:read','secret:read','secret:write'], true),
  ('viewer', 'Reads code, pipelines, deployments and telemetry.',
   ARRAY['project:read','pipeline:read','deploy:read','observe:read'], true);
