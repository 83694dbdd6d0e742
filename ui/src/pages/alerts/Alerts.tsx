// A project's alerts: what is pending or firing now (a "Silence" button prefills a silence
// from an alert's labels), the alert rules with their state, last error and history, a form
// to add or change a rule, the silences, and how notifications are grouped (the server's
// rule for each field shown under it). Everything a rule or silence holds is shown as text:
// names, labels, summaries and comments are the user's, never markup.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { Empty, ErrorBox, Field, Notice, Show, Time, useAction, useLoad, useTitle } from "../../components";
import { useProject } from "../../layouts/project";
import { usePoll } from "../pipelines/shared";
import {
  createRule,
  createSilence,
  deleteRule,
  expireSilence,
  getGrouping,
  listAlerts,
  listRules,
  listSilences,
  putGrouping,
  ruleHistory,
  testRule,
  updateRule,
} from "./api";
import type { Alert, Grouping, HistoryEntry, Language, Matcher, MatchOp, Rule, RuleIn, Severity, Silence, TestResult } from "./types";

const SEVERITIES: Severity[] = ["info", "warning", "critical"];
const FIELD_ERROR = { color: "var(--danger)", fontSize: "0.85rem" };
/** The form's fields, which the server's errors name. */
const FIELDS = ["name", "expr", "language", "for", "keep_firing_for", "severity", "summary", "description", "labels", "notify"];
const PLACEHOLDER: Record<Language, string> = {
  promql: "sum(rate(requests_total[1m])) > 1",
  logql: 'sum(count_over_time({service_name="api"} |= "error" [5m])) > 10',
};
const OPS: MatchOp[] = ["=", "!=", "=~", "!~"];
/** Transitions shown a page. */
const HISTORY_PAGE = 20;
const SEVERITY_BADGE: Record<Severity, string> = { info: "badge", warning: "badge badge-warning", critical: "badge badge-error" };
const STATE_BADGE: Record<string, string> = {
  firing: "badge badge-error",
  pending: "badge badge-warning",
  inactive: "badge badge-success",
  resolved: "badge badge-success",
};

/** Seconds as "30s", "5m", "1h30m". */
function duration(seconds: number): string {
  if (seconds === 0) return "0s";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${s ? `${s}s` : ""}`;
}

/** "90", "30s", "5m", "1h30m", "2d" as seconds; null when it is none of those. */
function seconds(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!t || !m) return null;
  return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

type Problems = { field?: string; rule?: string }[];
const problemsOf = (error: unknown): Problems => (error instanceof ApiError ? (error.problem.errors ?? []) : []);

/** The server's rules about `field` (and, unless exact, what is inside it), under it. */
function FieldErrors(props: { error: unknown; field: string; exact?: boolean; local?: string | null; testid?: string }) {
  const about = problemsOf(props.error).filter(
    (p) => p.field === props.field || (!props.exact && (p.field?.startsWith(`${props.field}.`) || p.field?.startsWith(`${props.field}[`))),
  );
  const rules = [...(props.local ? [props.local] : []), ...about.map((p) => p.rule ?? "invalid")];
  return (
    <>
      {rules.map((rule) => (
        <span style={FIELD_ERROR} role="alert" data-testid={`error-${props.testid ?? props.field}`}>
          {rule}
        </span>
      ))}
    </>
  );
}

/** Whether `error` has nothing the form shows under one of its `fields`. */
const unplaced = (error: unknown, fields: string[]) =>
  !!error && !problemsOf(error).some((p) => fields.some((name) => p.field?.startsWith(name)));

const shownValue = (v: number | null) => (v === null ? "–" : Number.isInteger(v) ? String(v) : v.toPrecision(6));

function Labels(props: { labels: Record<string, string>; skip?: string }) {
  const entries = Object.entries(props.labels).filter(([k]) => k !== props.skip);
  if (entries.length === 0) return <span class="muted">no labels</span>;
  return (
    <span class="row" style={{ flexWrap: "wrap", gap: "0.25rem" }}>
      {entries.map(([k, v]) => (
        <code class="badge" data-testid="alert-label">
          {k}={v}
        </code>
      ))}
    </span>
  );
}

function ActiveAlerts(props: { list: Alert[]; onSilence?: (labels: Record<string, string>) => void }) {
  if (props.list.length === 0) return <Empty title="No active alerts.">Every rule's expression returns nothing right now.</Empty>;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="alerts">
        <thead>
          <tr>
            <th>State</th>
            <th>Severity</th>
            <th>Rule</th>
            <th>Labels</th>
            <th>Value</th>
            <th>Since</th>
            {props.onSilence && <th />}
          </tr>
        </thead>
        <tbody>
          {props.list.map((a) => (
            <tr data-testid="alert-row" data-state={a.state} data-silenced={a.silenced ? "true" : "false"}>
              <td>
                <span class={STATE_BADGE[a.state]}>{a.state}</span>
                {a.silenced && (
                  <span class="badge" data-testid="alert-silenced" title="An active silence matches it: it is not notified.">
                    silenced
                  </span>
                )}
              </td>
              <td>
                <span class={SEVERITY_BADGE[a.severity]}>{a.severity}</span>
              </td>
              <td>
                <div>{a.rule_name}</div>
                {a.summary && <div class="muted">{a.summary}</div>}
              </td>
              <td>
                <Labels labels={a.labels} skip="alertname" />
              </td>
              <td>
                <code>{shownValue(a.value)}</code>
              </td>
              <td>
                <Time at={a.active_since} />
                {a.fired_at && (
                  <div class="muted">
                    firing since <Time at={a.fired_at} />
                  </div>
                )}
                {a.keep_firing_since && (
                  <div class="muted">
                    kept firing since <Time at={a.keep_firing_since} />
                  </div>
                )}
              </td>
              {props.onSilence && (
                <td>
                  <button
                    class="btn btn-small"
                    onClick={() => props.onSilence?.(a.labels)}
                    aria-label={`Silence the alert ${a.rule_name}`}
                  >
                    Silence
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Samples(props: { result: TestResult }) {
  const { samples, total } = props.result;
  if (total === 0) return <p class="muted">The expression returns nothing now: no alert would be active.</p>;
  return (
    <div>
      <p class="muted">
        {total} series now{total > samples.length ? ` (the first ${samples.length} shown)` : ""}:
      </p>
      <ul class="list" data-testid="test-samples">
        {samples.map((s) => (
          <li>
            <Labels labels={s.labels} skip="__name__" /> <code>{shownValue(s.value)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A rule's transitions, newest first, a page at a time ("Older" reads the next). */
function RuleHistory(props: { project: string; rule: string }) {
  const [pages, setPages] = useState<HistoryEntry[][]>([]);
  const more = useAction(async (page: number) => {
    const got = await ruleHistory(props.project, props.rule, page, HISTORY_PAGE);
    setPages((now) => [...now.slice(0, page - 1), got]);
  });
  useEffect(() => {
    void more.run(1);
  }, [props.project, props.rule]);
  const entries = pages.flat();
  const last = pages[pages.length - 1];
  return (
    <div class="alerts-history" data-testid="rule-history">
      {pages.length > 0 && entries.length === 0 && <p class="muted">No transitions in the last 30 days.</p>}
      {entries.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th>At</th>
              <th>Change</th>
              <th>Labels</th>
              <th>Value</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((h) => (
              <tr data-testid="history-row" data-from={h.from_state} data-to={h.to_state}>
                <td>
                  <Time at={h.at} />
                </td>
                <td>
                  <span class="muted">{h.from_state}</span> → <span class={STATE_BADGE[h.to_state] ?? "badge"}>{h.to_state}</span>
                  {h.silenced && <span class="badge">silenced</span>}
                </td>
                <td>
                  <Labels labels={h.labels} skip="alertname" />
                </td>
                <td>
                  <code>{shownValue(h.value)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorBox error={more.error} />
      {more.busy && <p class="muted">Loading the history…</p>}
      {!more.busy && last && last.length === HISTORY_PAGE && (
        <button class="btn btn-small" onClick={() => void more.run(pages.length + 1)}>
          Older
        </button>
      )}
    </div>
  );
}

function RuleRow(props: { rule: Rule; project: string; writable: boolean; onEdit: () => void; onDeleted: () => void }) {
  const r = props.rule;
  const [tested, setTested] = useState<TestResult | null>(null);
  const [history, setHistory] = useState(false);
  const test = useAction(async () => setTested(await testRule(props.project, r.id)));
  const remove = useAction(async () => {
    if (!confirm(`Delete the alert rule “${r.name}”? Its firing alerts resolve.`)) return;
    await deleteRule(props.project, r.id);
    props.onDeleted();
  });
  return (
    <li data-testid="rule-row" data-rule={r.id}>
      <div class="list-main">
        <div class="row">
          <span class="list-title" data-testid="rule-name">
            {r.name}
          </span>
          <span class={STATE_BADGE[r.state]} data-testid="rule-state">
            {r.state}
          </span>
          <span class={SEVERITY_BADGE[r.severity]}>{r.severity}</span>
          {!r.enabled && <span class="badge">off</span>}
          {r.health === "error" && <span class="badge badge-error">error</span>}
        </div>
        <div>
          <code data-testid="rule-expr">{r.expr}</code>
        </div>
        <div class="muted">
          {r.language === "logql" ? "LogQL" : "PromQL"} · for {duration(r.for)}
          {r.keep_firing_for > 0 && <> · keeps firing for {duration(r.keep_firing_for)}</>} · last evaluated <Time at={r.last_evaluated} />
          {r.evaluation_ms !== null && <> in {r.evaluation_ms} ms</>}
          {r.notify.length > 0 && <> · tells {r.notify.join(", ")}</>}
          {r.created_by && <> · by {r.created_by}</>}
        </div>
        {Object.keys(r.labels).length > 0 && <Labels labels={r.labels} />}
        {r.summary && <div class="muted">{r.summary}</div>}
        {r.last_error && (
          <div class="alert alert-error" data-testid="rule-error">
            {r.last_error}
          </div>
        )}
        {tested && <Samples result={tested} />}
        <ErrorBox error={test.error ?? remove.error} />
        {history && <RuleHistory project={props.project} rule={r.id} />}
      </div>
      <div class="row">
        <button
          class="btn btn-small"
          aria-expanded={history}
          onClick={() => setHistory((h) => !h)}
          aria-label={`History of the rule ${r.name}`}
        >
          {history ? "Hide history" : "History"}
        </button>
        <button class="btn btn-small" disabled={test.busy} onClick={() => void test.run()}>
          {test.busy ? "Evaluating…" : "Test"}
        </button>
        {props.writable && (
          <>
            <button class="btn btn-small" onClick={props.onEdit} aria-label={`Edit the rule ${r.name}`}>
              Edit
            </button>
            <button
              class="btn btn-small btn-danger"
              disabled={remove.busy}
              onClick={() => void remove.run()}
              aria-label={`Delete the rule ${r.name}`}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}


const SILENCE_FIELDS = ["matchers", "starts_at", "ends_at", "comment"];
const SILENCE_BADGE: Record<string, string> = { active: "badge badge-warning", pending: "badge", expired: "badge badge-success" };

/** Alertmanager's way of writing a matcher: team="shop". */
const matcherText = (m: Matcher) => `${m.name}${m.op}${JSON.stringify(m.value)}`;

/** A new silence: matchers (prefilled from an alert's labels), until when, and why. */
function SilenceForm(props: { project: string; initial: Matcher[]; onSave: (created: Silence) => void }) {
  const [matchers, setMatchers] = useState<Matcher[]>(props.initial.length ? props.initial : [{ name: "", op: "=", value: "" }]);
  const [mode, setMode] = useState<"duration" | "until">("duration");
  const [length, setLength] = useState("2h");
  const [until, setUntil] = useState("");
  const [comment, setComment] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const save = useAction(async () => {
    setLocal(null);
    let ends: Date;
    if (mode === "duration") {
      const s = seconds(length);
      if (s === null || s <= 0) {
        setLocal("a duration such as 30m, 2h or 1d");
        return;
      }
      ends = new Date(Date.now() + s * 1000);
    } else {
      ends = new Date(until);
      if (!until || Number.isNaN(ends.getTime())) {
        setLocal("a date and time");
        return;
      }
    }
    props.onSave(await createSilence(props.project, { matchers, ends_at: ends.toISOString(), comment }));
  });
  const set = (k: number, change: Partial<Matcher>) => setMatchers((now) => now.map((m, i) => (i === k ? { ...m, ...change } : m)));
  return (
    <form
      class="form"
      data-testid="silence-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <fieldset class="alerts-matchers">
        <legend>Matchers (an alert whose labels match all of them is silenced)</legend>
        {matchers.map((m, k) => (
          <div class="row" data-testid="matcher">
            <input
              name="matcher-name"
              aria-label="Label name"
              value={m.name}
              placeholder="label"
              onInput={(e) => set(k, { name: (e.currentTarget as HTMLInputElement).value })}
            />
            <select
              name="matcher-op"
              aria-label="Operator"
              value={m.op}
              onChange={(e) => set(k, { op: (e.currentTarget as HTMLSelectElement).value as MatchOp })}
            >
              {OPS.map((op) => (
                <option value={op}>{op}</option>
              ))}
            </select>
            <input
              name="matcher-value"
              aria-label="Value"
              value={m.value}
              placeholder="value"
              onInput={(e) => set(k, { value: (e.currentTarget as HTMLInputElement).value })}
            />
            <button
              type="button"
              class="btn btn-small"
              aria-label={`Remove the matcher ${m.name || k + 1}`}
              onClick={() => setMatchers((now) => now.filter((_, i) => i !== k))}
            >
              Remove
            </button>
            <FieldErrors error={save.error} field={`matchers[${k}]`} testid="matchers" />
          </div>
        ))}
        <FieldErrors error={save.error} field="matchers" exact />
        <div>
          <button type="button" class="btn btn-small" onClick={() => setMatchers((now) => [...now, { name: "", op: "=", value: "" }])}>
            Add matcher
          </button>
        </div>
      </fieldset>
      <div class="row" style={{ gap: "1rem", alignItems: "flex-start" }}>
        <Field label="Ends">
          <select name="until-mode" value={mode} onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as "duration" | "until")}>
            <option value="duration">after</option>
            <option value="until">at</option>
          </select>
        </Field>
        {mode === "duration" ? (
          <Field label="Duration" hint="From now: 30m, 2h, 1d.">
            <input name="duration" value={length} onInput={(e) => setLength((e.currentTarget as HTMLInputElement).value)} />
            <FieldErrors error={save.error} field="ends_at" local={local} />
          </Field>
        ) : (
          <Field label="End time" hint="In your time zone.">
            <input type="datetime-local" name="ends_at" value={until} onInput={(e) => setUntil((e.currentTarget as HTMLInputElement).value)} />
            <FieldErrors error={save.error} field="ends_at" local={local} />
          </Field>
        )}
      </div>
      <FieldErrors error={save.error} field="starts_at" />
      <Field label="Comment" hint="Why, for whoever sees it next.">
        <textarea name="comment" rows={2} maxLength={1024} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
        <FieldErrors error={save.error} field="comment" />
      </Field>
      {unplaced(save.error, SILENCE_FIELDS) && <ErrorBox error={save.error} />}
      <div class="form-actions">
        <button class="btn btn-primary" disabled={save.busy}>
          {save.busy ? "Working…" : "Create silence"}
        </button>
      </div>
    </form>
  );
}

function SilenceList(props: { list: Silence[]; project: string; writable: boolean; onExpired: (s: Silence) => void }) {
  const expire = useAction(async (s: Silence) => props.onExpired(await expireSilence(props.project, s.id)));
  if (props.list.length === 0) return <Empty title="No silences.">Every alert that fires is notified.</Empty>;
  return (
    <>
      <ErrorBox error={expire.error} />
      <ul class="list" data-testid="silences">
        {props.list.map((s) => (
          <li data-testid="silence-row" data-state={s.state} data-silence={s.id}>
            <div class="list-main">
              <div class="row" style={{ flexWrap: "wrap", gap: "0.25rem" }}>
                <span class={SILENCE_BADGE[s.state]} data-testid="silence-state">
                  {s.state}
                </span>
                {s.matchers.map((m) => (
                  <code class="badge" data-testid="silence-matcher">
                    {matcherText(m)}
                  </code>
                ))}
              </div>
              <div class="muted">
                from <Time at={s.starts_at} /> until <Time at={s.ends_at} />
                {s.created_by && <> · by {s.created_by}</>}
              </div>
              {s.comment && <div data-testid="silence-comment">{s.comment}</div>}
            </div>
            {props.writable && s.state !== "expired" && (
              <div class="row">
                <button class="btn btn-small btn-danger" disabled={expire.busy} onClick={() => void expire.run(s)} aria-label={`Expire the silence ${s.id}`}>
                  Expire
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

const GROUPING_FIELDS = ["group_by", "group_wait", "group_interval", "repeat_interval"];

/** Alertmanager's route settings: read by all who may read, changed by those who may write. */
function GroupingForm(props: { initial: Grouping; project: string; writable: boolean }) {
  const [f, setF] = useState({
    group_by: props.initial.group_by.join(", "),
    group_wait: duration(props.initial.group_wait),
    group_interval: duration(props.initial.group_interval),
    repeat_interval: duration(props.initial.repeat_interval),
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    const times = { group_wait: seconds(f.group_wait), group_interval: seconds(f.group_interval), repeat_interval: seconds(f.repeat_interval) };
    const wrong: Record<string, string> = {};
    for (const [k, v] of Object.entries(times)) if (v === null) wrong[k] = "a duration such as 30s, 5m or 4h";
    setLocal(wrong);
    if (Object.keys(wrong).length) return;
    const got = await putGrouping(props.project, {
      group_by: f.group_by
        .split(/[\s,]+/)
        .map((n) => n.trim())
        .filter(Boolean),
      group_wait: times.group_wait ?? 0,
      group_interval: times.group_interval ?? 0,
      repeat_interval: times.repeat_interval ?? 0,
    });
    setF({
      group_by: got.group_by.join(", "),
      group_wait: duration(got.group_wait),
      group_interval: duration(got.group_interval),
      repeat_interval: duration(got.repeat_interval),
    });
    setSaved(true);
  });
  const input = (name: keyof typeof f, label: string, hint: string) => (
    <Field label={label} hint={hint}>
      <input
        name={name}
        value={f[name]}
        disabled={!props.writable}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          setF((now) => ({ ...now, [name]: value }));
        }}
      />
      <FieldErrors error={save.error} field={name} local={local[name]} />
    </Field>
  );
  return (
    <form
      class="form"
      data-testid="grouping-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (props.writable) void save.run();
      }}
    >
      {input("group_by", "Group by", "Label names, comma-separated: alerts with the same values are notified together.")}
      <div class="row" style={{ gap: "1rem", alignItems: "flex-start", flexWrap: "wrap" }}>
        {input("group_wait", "Group wait", "How long a new group waits for more alerts.")}
        {input("group_interval", "Group interval", "Between notifications of a group that changed.")}
        {input("repeat_interval", "Repeat interval", "Before a group that has not changed is notified again.")}
      </div>
      {unplaced(save.error, GROUPING_FIELDS) && <ErrorBox error={save.error} />}
      {saved && <Notice kind="success">Saved the grouping.</Notice>}
      {props.writable && (
        <div class="form-actions">
          <button class="btn btn-primary" disabled={save.busy}>
            {save.busy ? "Working…" : "Save grouping"}
          </button>
        </div>
      )}
    </form>
  );
}

const EMPTY: RuleIn = {
  name: "",
  expr: "",
  for: "5m",
  language: "promql",
  keep_firing_for: 0,
  severity: "warning",
  labels: {},
  summary: "",
  description: "",
  notify: [],
  enabled: true,
};

function labelsText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

/** "team=shop" lines as labels; a line without "=" is left to the server to refuse. */
function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf("=");
    if (at < 0) out[trimmed] = "";
    else out[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return out;
}

function RuleForm(props: { initial?: Rule; onSave: (body: RuleIn) => Promise<unknown>; onCancel?: () => void }) {
  const start = props.initial;
  const [f, setF] = useState({
    name: start?.name ?? EMPTY.name,
    expr: start?.expr ?? EMPTY.expr,
    for: start ? duration(start.for) : String(EMPTY.for),
    language: start?.language ?? EMPTY.language,
    keep_firing_for: start ? duration(start.keep_firing_for) : String(EMPTY.keep_firing_for),
    severity: start?.severity ?? EMPTY.severity,
    labels: labelsText(start?.labels ?? {}),
    summary: start?.summary ?? "",
    description: start?.description ?? "",
    notify: (start?.notify ?? []).join(", "),
    enabled: start?.enabled ?? true,
  });
  const save = useAction(async () => {
    const secondsOr = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());
    await props.onSave({
      name: f.name.trim(),
      expr: f.expr,
      for: secondsOr(f.for),
      language: f.language,
      keep_firing_for: secondsOr(f.keep_firing_for) || 0,
      severity: f.severity,
      labels: parseLabels(f.labels),
      summary: f.summary,
      description: f.description,
      notify: f.notify
        .split(/[\s,]+/)
        .map((n) => n.trim().replace(/^@/, ""))
        .filter(Boolean),
      enabled: f.enabled,
    });
  });
  // The server names the field each rule is about: shown under that field.
  const about = (field: string) => <FieldErrors error={save.error} field={field} />;
  const misplaced = unplaced(save.error, FIELDS);
  const text = (name: "name" | "expr" | "for" | "keep_firing_for" | "summary" | "description" | "labels" | "notify") => ({
    name,
    value: f[name],
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setF((now) => ({ ...now, [name]: value }));
    },
  });
  return (
    <form
      class="form"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <Field label="Name" hint="Letters, digits, _ : . -, starting with a letter; it becomes the alertname label.">
        <input {...text("name")} required maxLength={128} autoComplete="off" />
        {about("name")}
      </Field>
      <Field label="Language" hint="PromQL over the project's metrics, or a LogQL metric query over its logs.">
        <select
          name="language"
          value={f.language}
          onChange={(e) => {
            const language = (e.currentTarget as HTMLSelectElement).value as Language;
            setF((now) => ({ ...now, language }));
          }}
        >
          <option value="promql">PromQL</option>
          <option value="logql">LogQL</option>
        </select>
        {about("language")}
      </Field>
      <Field
        label={f.language === "logql" ? "Expression (LogQL)" : "Expression (PromQL)"}
        hint={`Each series it returns is an alert, e.g. ${PLACEHOLDER[f.language]}`}
      >
        <textarea {...text("expr")} required rows={3} class="mono" spellcheck={false} placeholder={PLACEHOLDER[f.language]} />
        {about("expr")}
      </Field>
      <div class="row" style={{ gap: "1rem", alignItems: "flex-start" }}>
        <Field label="For" hint="How long it must hold before it fires: 0, 30s, 5m, 1h (at most 24h).">
          <input {...text("for")} required maxLength={32} />
          {about("for")}
        </Field>
        <Field label="Keep firing for" hint="How long a firing alert the expression stops returning keeps firing: 0, 30s, 5m.">
          <input {...text("keep_firing_for")} maxLength={32} />
          {about("keep_firing_for")}
        </Field>
        <Field label="Severity">
          <select
            name="severity"
            value={f.severity}
            onChange={(e) => {
              const severity = (e.currentTarget as HTMLSelectElement).value as Severity;
              setF((now) => ({ ...now, severity }));
            }}
          >
            {SEVERITIES.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
          {about("severity")}
        </Field>
      </div>
      <Field label="Summary" hint="{{ $labels.name }} and {{ $value }} are filled in.">
        <input {...text("summary")} maxLength={1024} />
        {about("summary")}
      </Field>
      <Field label="Description">
        <textarea {...text("description")} rows={2} maxLength={8192} />
        {about("description")}
      </Field>
      <Field label="Labels" hint="One name=value a line, added to every alert of the rule.">
        <textarea {...text("labels")} rows={2} class="mono" />
        {about("labels")}
      </Field>
      <Field label="Notify" hint="Usernames, comma-separated; empty: the project's owner and maintainers.">
        <input {...text("notify")} />
        {about("notify")}
      </Field>
      <label class="row">
        <input
          type="checkbox"
          name="enabled"
          checked={f.enabled}
          onChange={(e) => {
            const enabled = (e.currentTarget as HTMLInputElement).checked;
            setF((now) => ({ ...now, enabled }));
          }}
        />
        Evaluated (switched off, a rule's firing alerts resolve)
      </label>
      {misplaced && <ErrorBox error={save.error} />}
      <div class="form-actions">
        <button class="btn btn-primary" disabled={save.busy}>
          {save.busy ? "Working…" : start ? "Save rule" : "Add rule"}
        </button>
        {props.onCancel && (
          <button type="button" class="btn" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export default function Alerts() {
  const { project, can } = useProject();
  useTitle(`Alerts · ${project.owner}/${project.name}`);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const alerts = useLoad(() => listAlerts(project.id), [project.id]);
  const rules = useLoad(() => listRules(project.id), [project.id]);
  const silences = useLoad(() => listSilences(project.id), [project.id]);
  const grouping = useLoad(() => getGrouping(project.id), [project.id]);
  usePoll(alerts, true);
  usePoll(rules, true);
  usePoll(silences, true);
  const writable = can("observe:write") && !project.archived;
  // The silence form's matchers; its key starts it again when an alert's "Silence" fills it.
  const [silenceFrom, setSilenceFrom] = useState<{ key: number; matchers: Matcher[] }>({ key: 0, matchers: [] });
  const [silenceDone, setSilenceDone] = useState<string | null>(null);
  const reload = () => {
    alerts.reload();
    rules.reload();
  };
  const silenceAlert = (labels: Record<string, string>) => {
    setSilenceDone(null);
    setSilenceFrom((now) => ({
      key: now.key + 1,
      matchers: Object.entries(labels).map(([name, value]) => ({ name, op: "=" as MatchOp, value })),
    }));
    requestAnimationFrame(() => document.getElementById("new-silence")?.scrollIntoView({ block: "start" }));
  };
  return (
    <div class="stack">
      <h2 style={{ margin: 0 }}>Active alerts</h2>
      <Show loaded={alerts} label="Loading the alerts…">
        {(list) => <ActiveAlerts list={list} onSilence={writable ? silenceAlert : undefined} />}
      </Show>
      <h2>Alert rules</h2>
      {done && <Notice kind="success">{done}</Notice>}
      <Show loaded={rules} label="Loading the rules…">
        {(list) =>
          list.length === 0 ? (
            <Empty title="No alert rules.">
              {writable ? "Add one below: a PromQL expression over this project's metrics." : null}
            </Empty>
          ) : (
            <ul class="list" data-testid="rules">
              {list.map((r) =>
                editing === r.id ? (
                  <li>
                    <RuleForm
                      initial={r}
                      onCancel={() => setEditing(null)}
                      onSave={async (body) => {
                        const saved = await updateRule(project.id, r.id, body);
                        setEditing(null);
                        setDone(`Saved the rule “${saved.name}”.`);
                        reload();
                      }}
                    />
                  </li>
                ) : (
                  <RuleRow
                    rule={r}
                    project={project.id}
                    writable={writable}
                    onEdit={() => setEditing(r.id)}
                    onDeleted={() => {
                      setDone(`Deleted the rule “${r.name}”.`);
                      reload();
                    }}
                  />
                ),
              )}
            </ul>
          )
        }
      </Show>
      {writable && (
        <>
          <h2>New rule</h2>
          <RuleForm
            key={formKey}
            onSave={async (body) => {
              setDone(null);
              const rule = await createRule(project.id, body);
              setDone(`Added the rule “${rule.name}”.`);
              setFormKey((k) => k + 1);
              reload();
            }}
          />
        </>
      )}
      <h2>Silences</h2>
      {silenceDone && <Notice kind="success">{silenceDone}</Notice>}
      <Show loaded={silences} label="Loading the silences…">
        {(list) => (
          <SilenceList
            list={list}
            project={project.id}
            writable={writable}
            onExpired={(s) => {
              setSilenceDone(`Expired the silence ${s.matchers.map(matcherText).join(", ")}.`);
              silences.reload();
              alerts.reload();
            }}
          />
        )}
      </Show>
      {writable && (
        <>
          <h3 id="new-silence">New silence</h3>
          <SilenceForm
            key={silenceFrom.key}
            project={project.id}
            initial={silenceFrom.matchers}
            onSave={(s) => {
              setSilenceDone(`Created the silence ${s.matchers.map(matcherText).join(", ")}.`);
              setSilenceFrom((now) => ({ key: now.key + 1, matchers: [] }));
              silences.reload();
              alerts.reload();
            }}
          />
        </>
      )}
      <h2>Grouping</h2>
      <Show loaded={grouping} label="Loading the grouping…">
        {(g) => <GroupingForm initial={g} project={project.id} writable={writable} />}
      </Show>
    </div>
  );
}
