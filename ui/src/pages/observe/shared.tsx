// What the observe pages share: their sub-navigation, the time range picker and the range
// it means, the service picker, the empty state that says how to send telemetry, durations
// in words, service colours and attribute tables.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { api, must, type CreatedToken } from "../../api/client";
import { CopyButton, ErrorBox, Spinner, useAction, useLoad, type Loaded } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, useLocation } from "../../router";
import { listServices } from "./api";
import type { Service } from "./types";

/** The Logs, Traces, Metrics and Health pages, as tabs under the project's Observe tab (a trace's
 * page is under Traces). */
export function ObserveNav() {
  const { base } = useProject();
  const { path } = useLocation();
  const tab = (page: string, label: string) => {
    const href = `${base}/-/${page}`;
    return (
      <a href={href} aria-current={path === href || path.startsWith(`${href}/`) ? "page" : undefined}>
        {label}
      </a>
    );
  };
  return (
    <nav class="subnav observe-nav" aria-label="Observe">
      {tab("logs", "Logs")}
      {tab("traces", "Traces")}
      {tab("metrics", "Metrics")}
      {tab("health", "Health")}
    </nav>
  );
}

/** Go to this page with the query changed (a value of undefined or "" removes its key). */
export function setQuery(changes: Record<string, string | string[] | undefined>, options: { replace?: boolean } = {}) {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    q.delete(k);
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v) q.set(k, v);
  }
  const s = q.toString();
  navigate(`${location.pathname}${s ? `?${s}` : ""}`, options);
}

// --- time ranges -------------------------------------------------------------------------

/** The preset ranges, by their URL value: how far back from now, in milliseconds. */
export const RANGES: Record<string, { label: string; ms: number }> = {
  "15m": { label: "Last 15 minutes", ms: 15 * 60_000 },
  "1h": { label: "Last hour", ms: 3_600_000 },
  "6h": { label: "Last 6 hours", ms: 6 * 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 24 * 3_600_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
};
export const DEFAULT_RANGE = "1h";

/** A range as the URL holds it: a preset (`range=1h`) or `range=custom&from=…&to=…` (RFC 3339). */
export interface RangeChoice {
  range: string;
  from?: string;
  to?: string;
}

export function rangeOf(query: URLSearchParams): RangeChoice {
  const range = query.get("range") ?? DEFAULT_RANGE;
  if (range === "custom") {
    const from = query.get("from") ?? undefined;
    const to = query.get("to") ?? undefined;
    if (from && !Number.isNaN(Date.parse(from))) return { range, from, to: to && !Number.isNaN(Date.parse(to)) ? to : undefined };
  }
  return { range: range in RANGES ? range : DEFAULT_RANGE };
}

/** The instants a choice means now: [start, end) as Dates (a preset ends now). */
export function resolveRange(choice: RangeChoice): { start: Date; end: Date } {
  const now = new Date();
  if (choice.range === "custom" && choice.from) {
    return { start: new Date(choice.from), end: choice.to ? new Date(choice.to) : now };
  }
  return { start: new Date(now.getTime() - (RANGES[choice.range] ?? RANGES[DEFAULT_RANGE]!).ms), end: now };
}

/** `<input type="datetime-local">`'s value for an instant, in the browser's time zone. */
function localInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The range fields of a filter form (`range`, `from`, `to`); read them with rangeFromForm.
 * Choosing a preset submits the form. */
export function RangePicker(props: { choice: RangeChoice }) {
  const [range, setRange] = useState(props.choice.range);
  return (
    <>
      <label class="field observe-range">
        <span class="field-label">Time range</span>
        <select
          name="range"
          value={range}
          data-testid="range"
          onChange={(e) => {
            const value = e.currentTarget.value;
            setRange(value);
            if (value !== "custom") e.currentTarget.form?.requestSubmit();
          }}
        >
          {Object.entries(RANGES).map(([value, r]) => (
            <option value={value}>{r.label}</option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {range === "custom" && (
        <>
          <label class="field observe-range">
            <span class="field-label">From</span>
            <input type="datetime-local" step="1" name="from" required defaultValue={localInput(props.choice.from)} data-testid="range-from" />
          </label>
          <label class="field observe-range">
            <span class="field-label">To</span>
            <input type="datetime-local" step="1" name="to" defaultValue={localInput(props.choice.to)} data-testid="range-to" />
            <span class="field-hint">empty: now</span>
          </label>
        </>
      )}
    </>
  );
}

/** The URL's range keys from a form with a RangePicker. */
export function rangeFromForm(data: FormData): Record<string, string | undefined> {
  const range = String(data.get("range") ?? DEFAULT_RANGE);
  if (range !== "custom") return { range: range === DEFAULT_RANGE ? undefined : range, from: undefined, to: undefined };
  const iso = (name: string) => {
    const v = String(data.get(name) ?? "");
    const d = new Date(v);
    return v && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
  };
  return { range, from: iso("from"), to: iso("to") };
}

// --- services ----------------------------------------------------------------------------

export const useServices = (projectId: string) => useLoad(() => listServices(projectId), [projectId]);

/** A `service` select: every service seen lately, and the chosen one even if not. */
export function ServicePicker(props: { services: Service[]; value: string }) {
  const names = props.services.map((s) => s.name);
  if (props.value && !names.includes(props.value)) names.unshift(props.value);
  return (
    <label class="field">
      <span class="field-label">Service</span>
      <select name="service" defaultValue={props.value} data-testid="service">
        <option value="">All services</option>
        {names.map((n) => (
          <option value={n}>{n}</option>
        ))}
      </select>
    </label>
  );
}

// --- the empty state ---------------------------------------------------------------------

/** What a page shows while its project has sent no telemetry (`services` is empty): how to
 * get an ingest token and point an OpenTelemetry SDK here, with this dais's URL. */
export function NoTelemetry(props: { services: Loaded<Service[]> }) {
  const { project, can } = useProject();
  const [token, setToken] = useState<CreatedToken | null>(null);
  const create = useAction(async () => {
    const made = await must(
      api.POST("/api/user/tokens", {
        body: { name: `otel ${project.name}`, scopes: ["telemetry:write"], project: project.id },
      }),
    );
    setToken(made);
  });
  const url = location.origin;
  const shown = token?.token ?? "<token>";
  const env = [
    `OTEL_EXPORTER_OTLP_ENDPOINT=${url}`,
    `OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf`,
    `OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer ${shown}`,
    `OTEL_SERVICE_NAME=my-service`,
  ].join("\n");
  const curl =
    `curl -X POST ${url}/api/user/tokens \\\n  -H "Authorization: Bearer <your API token>" -H "Content-Type: application/json" \\\n` +
    `  -d '${JSON.stringify({ name: "otel", project: project.path, scopes: ["telemetry:write"] })}'`;
  return (
    <section class="empty observe-empty" data-testid="observe-empty" aria-labelledby="observe-empty-title">
      <p class="empty-title" id="observe-empty-title">
        No telemetry yet.
      </p>
      <div class="empty-next">
        <p>
          This project has received no logs, traces or metrics in the last 7 days. Any OpenTelemetry SDK or Collector can
          send them here over OTLP/HTTP.
        </p>
        <ol class="observe-steps">
          <li>
            <strong>Make an ingest token</strong>: an API token for this project with the <code>telemetry:write</code> scope.
            {can("telemetry:write") ? (
              <div class="row">
                <button
                  type="button"
                  class="btn btn-primary"
                  disabled={create.busy || !!token}
                  onClick={() => void create.run()}
                  data-testid="create-ingest-token"
                >
                  {token ? "Token created" : "Create an ingest token"}
                </button>
              </div>
            ) : (
              <p>You may not send telemetry to this project yourself; a maintainer can make the token with:</p>
            )}
            <ErrorBox error={create.error} />
            {token ? (
              <div class="alert alert-success" data-testid="ingest-token">
                Copy it now: it is shown only once.
                <div class="secret">
                  <code>{token.token}</code>
                  <CopyButton text={token.token} />
                </div>
              </div>
            ) : (
              <Snippet text={curl} testid="token-command" />
            )}
          </li>
          <li>
            <strong>Point the SDK at dais</strong> with these environment variables:
            <Snippet text={env} testid="otel-env" />
          </li>
        </ol>
        <button type="button" class="btn" onClick={props.services.reload} disabled={props.services.loading}>
          Check again
        </button>
      </div>
    </section>
  );
}

function Snippet(props: { text: string; testid: string }) {
  return (
    <div class="observe-snippet">
      <pre data-testid={props.testid}>{props.text}</pre>
      <CopyButton text={props.text} />
    </div>
  );
}

/** The page's content once the services are known (a spinner until then): the empty state
 * when there are none. */
export function WithTelemetry(props: { services: Loaded<Service[]>; children: (services: Service[]) => ComponentChildren }) {
  const { data, error } = props.services;
  if (error) return <ErrorBox error={error} />;
  if (data === undefined) return <Spinner />;
  if (data.length === 0) return <NoTelemetry services={props.services} />;
  return <>{props.children(data)}</>;
}

// --- formatting --------------------------------------------------------------------------

/** Nanoseconds as "850µs", "12.3ms", "4.21s", "2m 05s". */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns) || ns < 0) return "";
  if (ns < 1_000) return `${ns}ns`;
  if (ns < 1_000_000) return `${trim(ns / 1_000)}µs`;
  if (ns < 1_000_000_000) return `${trim(ns / 1_000_000)}ms`;
  const s = ns / 1_000_000_000;
  if (s < 60) return `${trim(s)}s`;
  const whole = Math.round(s);
  const m = Math.floor(whole / 60);
  if (m < 60) return `${m}m ${String(whole % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

/** Three significant digits at most. */
const trim = (x: number) => String(x >= 100 ? Math.round(x) : x >= 10 ? Math.round(x * 10) / 10 : Math.round(x * 100) / 100);

/** A timestamp to the millisecond, in the browser's time zone. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Ten colours that stay readable on both themes' backgrounds. */
const PALETTE = ["#4f7bd9", "#2f9e6e", "#d9822b", "#a35bd6", "#d14d72", "#2aa3b8", "#8f9a2b", "#c2563a", "#5a6ee0", "#b0882a"];

/** A service's colour: the same for the same name, everywhere. */
export function serviceColour(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return PALETTE[(h >>> 0) % PALETTE.length]!;
}

/** Key/value attributes as a definition list (sorted by key), or a muted "none". */
export function Attributes(props: { values: Record<string, string> | undefined; label: string; testid?: string }) {
  const entries = Object.entries(props.values ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return (
    <div class="observe-attributes" data-testid={props.testid}>
      <h4>{props.label}</h4>
      {entries.length === 0 ? (
        <p class="muted">none</p>
      ) : (
        <dl class="facts">
          {entries.map(([k, v]) => (
            <>
              <dt class="mono">{k}</dt>
              <dd class="mono" data-key={k}>{v}</dd>
            </>
          ))}
        </dl>
      )}
    </div>
  );
}
