-- Alerting over a project's metrics (dais/actors/observe/alerts.py), with Prometheus'
-- alerting-rule semantics: a rule is a PromQL expression (the subset promql.py evaluates);
-- each label set it returns is an alert instance, pending until it has held for the rule's
-- `for`, then firing, then resolved once the expression stops returning it.
--
-- Writing rules needs observe:write, held by those who build and run the project's software
-- (developer, maintainer, ops; admin holds everything). Reading them needs observe:read.
UPDATE roles
   SET permissions = array_append(permissions, 'observe:write')
 WHERE builtin
   AND name IN ('admin', 'maintainer', 'developer', 'ops')
   AND NOT ('observe:write' = ANY (permissions));

-- The bounds here repeat the ones the actor checks (and names in its errors), so a row the
-- actor did not write cannot break the evaluator either.
CREATE TABLE alert_rules (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
    expr            text NOT NULL CHECK (length(expr) BETWEEN 1 AND 4096),
    for_seconds     integer NOT NULL DEFAULT 0 CHECK (for_seconds BETWEEN 0 AND 86400),
    severity        text NOT NULL DEFAULT 'warning'
                    CHECK (severity IN ('info', 'warning', 'critical')),
    -- Added to every alert of the rule (over the expression's own labels).
    labels          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(labels) = 'object'),
    summary         text NOT NULL DEFAULT '' CHECK (length(summary) <= 1024),
    description     text NOT NULL DEFAULT '' CHECK (length(description) <= 8192),
    -- Who is told when an alert fires or resolves; empty: the project's owner and maintainers.
    notify          text[] NOT NULL DEFAULT '{}' CHECK (cardinality(notify) <= 50),
    enabled         boolean NOT NULL DEFAULT true,
    -- The last evaluation: 'error' with its message when the expression failed, or returned
    -- more alerts than a rule may have (the rule's alerts then stay as they were).
    health          text NOT NULL DEFAULT 'unknown' CHECK (health IN ('unknown', 'ok', 'error')),
    last_error      text CHECK (length(last_error) <= 2048),
    last_evaluated  timestamptz,
    evaluation_ms   integer,
    created_by      bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, name)
);
CREATE INDEX alert_rules_enabled ON alert_rules (id) WHERE enabled;

-- One row per (rule, label set). A pending alert that clears is deleted (it never fired);
-- a firing one that clears becomes resolved and is kept a day, the alert's history; a
-- resolved one that returns is pending again in the same row.
CREATE TABLE alert_instances (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id         bigint NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    -- sha256 of the label set (sorted keys), in hex.
    fingerprint     text NOT NULL,
    labels          jsonb NOT NULL,
    state           text NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    value           double precision,
    active_since    timestamptz NOT NULL,
    fired_at        timestamptz,
    resolved_at     timestamptz,
    last_evaluated  timestamptz NOT NULL,
    UNIQUE (rule_id, fingerprint),
    CHECK ((state = 'resolved') = (resolved_at IS NOT NULL)),
    CHECK (state = 'pending' OR fired_at IS NOT NULL)
);
CREATE INDEX alert_instances_active ON alert_instances (rule_id) WHERE state <> 'resolved';
