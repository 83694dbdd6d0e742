-- Notifications: what domain events mean to each person, and its delivery by email and
-- webhook (dais/actors/notify/). In-app, a notification is its row; the UI's bell counts the
-- unread ones and hears new ones over SSE.
--
-- (user_id, event_id, kind) is the idempotency key: the outbox delivers at least once, and a
-- redelivered event must not notify twice.
CREATE TABLE notification_deliveries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel     text NOT NULL CHECK (channel IN ('email', 'webhook')),
    -- One issue's or merge request's notifications within the grouping window share a
    -- delivery: one email for several of them.
    thread      text NOT NULL,
    state       text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    -- A sender claims a due row by moving due_at past its attempt's deadline (FOR UPDATE
    -- SKIP LOCKED), so a row whose sender died becomes due again by itself.
    due_at      timestamptz NOT NULL DEFAULT now(),
    attempts    integer NOT NULL DEFAULT 0,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (due_at)
    WHERE state = 'pending';
CREATE INDEX notification_deliveries_thread ON notification_deliveries (user_id, channel, thread, id);
CREATE INDEX notification_deliveries_failed ON notification_deliveries (id) WHERE state = 'failed';

CREATE TABLE notifications (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id              bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id             bigint NOT NULL,
    kind                 text NOT NULL,
    project_id           bigint REFERENCES projects (id) ON DELETE CASCADE,
    thread               text NOT NULL,
    title                text NOT NULL,
    body                 text NOT NULL DEFAULT '',
    url                  text NOT NULL,
    actor                text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    read_at              timestamptz,
    -- False when the person turned the app off for this kind: the row exists only for its
    -- email or webhook, and the list and the bell leave it out.
    in_app               boolean NOT NULL DEFAULT true,
    email_delivery_id    bigint REFERENCES notification_deliveries (id) ON DELETE SET NULL,
    webhook_delivery_id  bigint REFERENCES notification_deliveries (id) ON DELETE SET NULL,
    UNIQUE (user_id, event_id, kind)
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC) WHERE in_app;
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL AND in_app;
CREATE INDEX notifications_email_delivery ON notifications (email_delivery_id)
    WHERE email_delivery_id IS NOT NULL;
CREATE INDEX notifications_webhook_delivery ON notifications (webhook_delivery_id)
    WHERE webhook_delivery_id IS NOT NULL;

-- A person's choices, per kind of notification and channel; a missing row means the
-- default (dais/actors/notify/kinds.py).
CREATE TABLE notification_settings (
    user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     text NOT NULL,
    channel  text NOT NULL CHECK (channel IN ('in_app', 'email', 'webhook')),
    enabled  boolean NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);

-- Where a person's webhook channel posts, and the secret its deliveries are signed with,
-- sealed like a project webhook's (dais/actors/secrets/stored.py).
CREATE TABLE notification_webhooks (
    user_id            bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    url                text NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    secret_key_id      text,
    secret_wrapped     bytea,
    secret_nonce       bytea,
    secret_ciphertext  bytea,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (
        (secret_key_id IS NULL) = (secret_wrapped IS NULL)
        AND (secret_key_id IS NULL) = (secret_nonce IS NULL)
        AND (secret_key_id IS NULL) = (secret_ciphertext IS NULL)
    )
);
CREATE INDEX notification_webhooks_key ON notification_webhooks (secret_key_id)
    WHERE secret_key_id IS NOT NULL;
