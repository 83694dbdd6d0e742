// The alert routes (dais/http/alerts.py) as the UI sees them. Written by hand until the
// lead regenerates schema.d.ts: the fields are RuleOut, AlertOut and TestOut there.

export type Severity = "info" | "warning" | "critical";
/** A rule's state: the strongest of its alerts'. */
export type RuleState = "inactive" | "pending" | "firing";
/** "unknown": not evaluated yet; "error": see last_error. */
export type RuleHealth = "unknown" | "ok" | "error";
export type AlertState = "pending" | "firing";

export interface Rule {
  id: string;
  name: string;
  expr: string;
  /** seconds an alert must hold before it fires */
  for: number;
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

/** What a rule is written as; `for` takes seconds or a duration such as "5m". */
export interface RuleIn {
  name: string;
  expr: string;
  for: number | string;
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
  last_evaluated: string;
  summary: string;
  description: string;
}

export interface TestResult {
  samples: { labels: Record<string, string>; value: number | null }[];
  total: number;
  evaluated_at: string;
}
