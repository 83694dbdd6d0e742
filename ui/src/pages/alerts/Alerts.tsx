// A project's alerts: what is pending or firing now, the alert rules with their state and
// last error, and a form to add or change a rule (the server's rule for each field shown
// under it). Everything a rule holds is shown as text: names, labels and summaries are
// the user's, never markup.
import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { Empty, ErrorBox, Field, Notice, Show, Time, useAction, useLoad, useTitle } from "../../components";
import { useProject } from "../../layouts/project";
import { usePoll } from "../pipelines/shared";
import { createRule, deleteRule, listAlerts, listRules, testRule, updateRule } from "./api";
import type { Alert, Rule, RuleIn, Severity, TestResult } from "./types";

const SEVERITIES: Severity[] = ["info", "warning", "critical"];
const FIELD_ERROR = { color: "var(--danger)", fontSize: "0.85rem" };
/** The form's fields, which the server's errors name. */
const FIELDS = ["name", "expr", "for", "severity", "summary", "description", "labels", "notify"];
const SEVERITY_BADGE: Record<Severity, string> = { info: "badge", warning: "badge badge-warning", critical: "badge badge-error" };
const STATE_BADGE: Record<string, string> = {
  firing: "badge badge-error",
  pending: "badge badge-warning",
  inactive: "badge badge-success",
};

/** Seconds as "30s", "5m", "1h30m". */
function duration(seconds: number): string {
  if (seconds === 0) return "0s";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${s ? `${s}s` : ""}`;
}

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

function ActiveAlerts(props: { list: Alert[] }) {
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
          </tr>
        </thead>
        <tbody>
          {props.list.map((a) => (
            <tr data-testid="alert-row" data-state={a.state}>
              <td>
                <span class={STATE_BADGE[a.state]}>{a.state}</span>
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
              </td>
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

function RuleRow(props: { rule: Rule; project: string; writable: boolean; onEdit: () => void; onDeleted: () => void }) {
  const r = props.rule;
  const [tested, setTested] = useState<TestResult | null>(null);
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
          for {duration(r.for)} · last evaluated <Time at={r.last_evaluated} />
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
      </div>
      <div class="row">
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

const EMPTY: RuleIn = {
  name: "",
  expr: "",
  for: "5m",
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
    severity: start?.severity ?? EMPTY.severity,
    labels: labelsText(start?.labels ?? {}),
    summary: start?.summary ?? "",
    description: start?.description ?? "",
    notify: (start?.notify ?? []).join(", "),
    enabled: start?.enabled ?? true,
  });
  const save = useAction(async () => {
    const seconds = /^\d+$/.test(f.for.trim()) ? Number(f.for.trim()) : f.for.trim();
    await props.onSave({
      name: f.name.trim(),
      expr: f.expr,
      for: seconds,
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
  const problems = save.error instanceof ApiError ? (save.error.problem.errors ?? []) : [];
  const about = (field: string) =>
    problems
      .filter((p) => p.field === field || p.field?.startsWith(`${field}.`) || p.field?.startsWith(`${field}[`))
      .map((p) => (
        <span style={FIELD_ERROR} role="alert" data-testid={`error-${field}`}>
          {p.rule}
        </span>
      ));
  const unplaced =
    save.error && !(save.error instanceof ApiError && problems.some((p) => FIELDS.some((name) => p.field?.startsWith(name))));
  const text = (name: "name" | "expr" | "for" | "summary" | "description" | "labels" | "notify") => ({
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
      <Field label="Expression (PromQL)" hint="Each series it returns is an alert, e.g. sum(rate(requests_total[1m])) > 1">
        <textarea {...text("expr")} required rows={3} class="mono" spellcheck={false} />
        {about("expr")}
      </Field>
      <div class="row" style={{ gap: "1rem", alignItems: "flex-start" }}>
        <Field label="For" hint="How long it must hold before it fires: 0, 30s, 5m, 1h (at most 24h).">
          <input {...text("for")} required maxLength={32} />
          {about("for")}
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
      {unplaced && <ErrorBox error={save.error} />}
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
  usePoll(alerts, true);
  usePoll(rules, true);
  const writable = can("observe:write") && !project.archived;
  const reload = () => {
    alerts.reload();
    rules.reload();
  };
  return (
    <div class="stack">
      <h2 style={{ margin: 0 }}>Active alerts</h2>
      <Show loaded={alerts} label="Loading the alerts…">
        {(list) => <ActiveAlerts list={list} />}
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
    </div>
  );
}
