-- Webhooks: per-project HTTP endpoints that receive signed JSON for the events they chose,
-- and the log of every delivery made to them.
--
-- The secret is kept as written: it keys an HMAC at every delivery, so it cannot be hashed.
-- The API never returns it.
CREATE TABLE webhooks (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id            bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    url                   text NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    secret                text NOT NULL DEFAULT '' CHECK (length(secret) <= 256),
    events                text[] NOT NULL,
    active                boolean NOT NULL DEFAULT true,
    -- Deliveries that ended in failure since the last one that succeeded; at the configured
    -- count the hook is switched off and disabled_reason says why.
    consecutive_failures  integer NOT NULL DEFAULT 0,
    disabled_reason       text,
    disabled_at           timestamptz,
    created_by            bigint,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_project ON webhooks (project_id);

-- One row per delivery: an outbox event (one per pushed ref), a ping or a redelivery. The
-- body is frozen when the row is made, so every attempt and every redelivery sends the same
-- bytes. A pending row is due at next_attempt_at; a sender claims it (FOR UPDATE SKIP LOCKED)
-- by moving next_attempt_at past its attempt's deadline, so a row whose sender died becomes
-- due again by itself.
CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid             uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    hook_id          bigint NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    source           text NOT NULL CHECK (source IN ('event', 'ping', 'redelivery')),
    event_id         bigint,
    ref              text NOT NULL DEFAULT '',
    event            text NOT NULL,
    action           text,
    body             text NOT NULL,
    state            text NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'delivered', 'failed', 'blocked')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    redelivery_of    bigint REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
    response_status  integer,
    duration_ms      integer,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz
);
-- At least once from the outbox, but one row per (hook, event, ref) however often the
-- subscriber sees the event.
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (hook_id, event_id, ref)
    WHERE source = 'event';
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE state = 'pending';
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (hook_id, id DESC);

-- Each attempt of a delivery, as sent and as answered (the response body capped).
CREATE TABLE webhook_attempts (
    delivery_id         bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    number              integer NOT NULL,
    outcome             text NOT NULL
                        CHECK (outcome IN ('delivered', 'failed', 'retry', 'blocked')),
    request_headers     jsonb NOT NULL,
    address             text,
    response_status     integer,
    response_headers    jsonb,
    response_body       text,
    response_truncated  boolean NOT NULL DEFAULT false,
    duration_ms         integer NOT NULL,
    error               text,
    started_at          timestamptz NOT NULL,
    PRIMARY KEY (delivery_id, number)
);
