// The alert routes (dais/http/alerts.py) as the UI sees them, written by hand: the fields
// are RuleOut, AlertOut, HistoryOut, SilenceOut, GroupingIO and TestOut in schema.d.ts.

export type Severity = "info" | "warning" | "critical";
/** A rule's state: the strongest of its alerts'. */
export type RuleState = "inactive" | "pending" | "firing";
/** "unknown": not evaluated yet; "error": see last_error. */
export type RuleHealth = "unknown" | "ok" | "error";
export type AlertState = "pending" | "firing";
/** promql: over the project's metrics; logql: a metric query over its logs. */
export type Language = "promql" | "logql";

export interface Rule {
  id: string;
  name: string;
  expr: string;
  /** seconds an alert must hold before it fires */
  for: number;
  language: Language;
  /** seconds a firing alert the expression stops returning keeps firing */
  keep_firing_for: number;
  severity: Severity;
  labels: Record<string, string>;
  summary: string;
  description: string;
  notify: string[];
  enabled: boolean;
  state: RuleState;
  health: RuleHealth;
  last_error: string | null;
  last_evaluated: string | null;
  evaluation_ms: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** What a rule is written as; `for` and `keep_firing_for` take seconds or a duration such as "5m". */
export interface RuleIn {
  name: string;
  expr: string;
  for: number | string;
  language: Language;
  keep_firing_for: number | string;
  severity: Severity;
  labels: Record<string, string>;
  summary: string;
  description: string;
  notify: string[];
  enabled: boolean;
}

export interface Alert {
  id: string;
  rule_id: string;
  rule_name: string;
  severity: Severity;
  state: AlertState;
  labels: Record<string, string>;
  value: number | null;
  active_since: string;
  fired_at: string | null;
  /** since when a firing alert has not been returned (it keeps firing for keep_firing_for) */
  keep_firing_since: string | null;
  last_evaluated: string;
  summary: string;
  description: string;
  /** an active silence matches it: it is not notified */
  silenced: boolean;
}

/** One transition of a rule's alert; from_state "inactive" for a new one. */
export interface HistoryEntry {
  id: string;
  fingerprint: string;
  labels: Record<string, string>;
  from_state: string;
  to_state: string;
  value: number | null;
  silenced: boolean;
  at: string;
}

export type MatchOp = "=" | "!=" | "=~" | "!~";
export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}
export type SilenceState = "pending" | "active" | "expired";

export interface Silence {
  id: string;
  matchers: Matcher[];
  starts_at: string;
  ends_at: string;
  comment: string;
  created_by: string | null;
  created_at: string;
  state: SilenceState;
}

export interface SilenceIn {
  matchers: Matcher[];
  /** default: now */
  starts_at?: string;
  ends_at: string;
  comment: string;
}

/** How notifications are grouped (Alertmanager's route settings); seconds. */
export interface Grouping {
  group_by: string[];
  group_wait: number;
  group_interval: number;
  repeat_interval: number;
}

export interface TestResult {
  samples: { labels: Record<string, string>; value: number | null }[];
  total: number;
  evaluated_at: string;
}
