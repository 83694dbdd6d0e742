-- The transactional outbox. A change and the event it causes are written in one transaction;
-- the dispatcher delivers committed events to subscribers at least once.
--
-- Ordering: ids are assigned at insert, but transactions commit in any order, so a reader
-- that only remembered the highest id seen could skip an event committed late with a lower id.
-- Each event therefore records its transaction id (xid8), and readers only take events whose
-- transaction is older than the oldest one still running (pg_snapshot_xmin): that set can no
-- longer grow, so a cursor over (xid, id) never skips anything.
CREATE TABLE events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]*$'),
    payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
    key         text,
    actor       text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_xid_id ON events (xid, id);

-- One durable cursor per subscriber: the (xid, id) of the last event it has been given.
CREATE TABLE event_cursors (
    subscriber   text PRIMARY KEY,
    last_xid     xid8 NOT NULL,
    last_id      bigint NOT NULL DEFAULT 0,
    delivered    bigint NOT NULL DEFAULT 0,
    failures     integer NOT NULL DEFAULT 0,
    last_error   text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
