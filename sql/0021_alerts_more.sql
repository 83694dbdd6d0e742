-- Alerting, continued (dais/actors/observe/alerts.py): keep_firing_for, LogQL conditions,
-- the history of every transition, silences, and Alertmanager-style grouping of the
-- notifications.

-- A rule's condition is PromQL over metrics or LogQL over logs; a firing alert the
-- condition stops returning keeps firing for keep_firing_seconds (Prometheus 2.42+).
ALTER TABLE alert_rules
    ADD COLUMN language text NOT NULL DEFAULT 'promql' CHECK (language IN ('promql', 'logql')),
    ADD COLUMN keep_firing_seconds integer NOT NULL DEFAULT 0
        CHECK (keep_firing_seconds BETWEEN 0 AND 86400);

-- Since when a firing alert has not been returned (null while it is).
ALTER TABLE alert_instances ADD COLUMN keep_firing_since timestamptz;

-- Each transition of an alert, written in the transaction that makes it; 'inactive' is
-- the state of an alert that is not stored. The evaluator prunes rows past 30 days.
CREATE TABLE alert_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id      bigint NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    fingerprint  text NOT NULL,
    labels       jsonb NOT NULL,
    from_state   text NOT NULL CHECK (from_state IN ('inactive', 'pending', 'firing', 'resolved')),
    to_state     text NOT NULL CHECK (to_state IN ('inactive', 'pending', 'firing', 'resolved')),
    value        double precision,
    silenced     boolean NOT NULL DEFAULT false,
    at           timestamptz NOT NULL
);
CREATE INDEX alert_history_rule ON alert_history (rule_id, at DESC, id DESC);
CREATE INDEX alert_history_at ON alert_history (at);

-- Alertmanager's silences: while now is in [starts_at, ends_at), the project's alerts whose
-- labels match every matcher are not notified. Expiring one sets ends_at to now.
CREATE TABLE alert_silences (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- [{"name": ..., "op": "=" | "!=" | "=~" | "!~", "value": ...}, ...]
    matchers    jsonb NOT NULL CHECK (jsonb_typeof(matchers) = 'array'
                                      AND jsonb_array_length(matchers) BETWEEN 1 AND 64),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at >= starts_at),
    comment     text NOT NULL DEFAULT '' CHECK (length(comment) <= 1024),
    created_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_silences_project ON alert_silences (project_id, ends_at DESC);

-- How a project's alert notifications are grouped (Alertmanager's route settings); a
-- project without a row has the defaults.
CREATE TABLE alert_grouping (
    project_id              bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    group_by                text[] NOT NULL DEFAULT '{alertname}'
                            CHECK (cardinality(group_by) <= 32),
    group_wait_seconds      integer NOT NULL DEFAULT 30 CHECK (group_wait_seconds BETWEEN 0 AND 86400),
    group_interval_seconds  integer NOT NULL DEFAULT 300
                            CHECK (group_interval_seconds BETWEEN 1 AND 86400),
    repeat_interval_seconds integer NOT NULL DEFAULT 14400
                            CHECK (repeat_interval_seconds BETWEEN 1 AND 604800)
);

-- One row per notification group that has firing alerts, or had at its last notification:
-- `notified` holds the alerts ("rule_id:fingerprint") that notification told of as firing.
CREATE TABLE alert_groups (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id     bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    key            text NOT NULL,
    labels         jsonb NOT NULL,
    next_flush     timestamptz NOT NULL,
    last_notified  timestamptz,
    notified       text[] NOT NULL DEFAULT '{}',
    UNIQUE (project_id, key)
);
