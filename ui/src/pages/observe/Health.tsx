// dais's health, out of the box: the metrics, logs and request spans dais records about
// itself in the built-in project dais/dais (dais/actors/observe/own.py), as a dashboard of
// fixed PromQL charts (request rate by status class, 5xx, p95 latency, in-flight requests,
// actor mailboxes, crashes and restarts, memory, CPU), the latest warnings and errors and the
// slowest recent requests. Any project may open it: one without dais's metrics is told what
// the page shows and why it is empty. The range is the URL's, as on the other observe pages.
import { useMemo, useState } from "preact/hooks";
import { Empty, ErrorBox, Show, Spinner, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import type { PageProps } from "../../router";
import { metricNames, queryRange, searchLogs, searchTraces } from "./api";
import { LineChart, type ChartSeries } from "./LineChart";
import { Records } from "./Logs";
import { stepFor } from "./Metrics";
import { formatNs, formatTime, ObserveNav, RangePicker, rangeFromForm, rangeOf, resolveRange, setQuery } from "./shared";
import type { MatrixSeries } from "./types";

/** The built-in project dais records itself in (own.py's OWNER/PROJECT). */
export const OWN_PROJECT = "dais/dais";
/** The metric whose presence says the project holds dais's own metrics. */
const MARKER = "dais_http_requests";
/** How many of the latest request traces the slowest are picked from. */
const TRACES_READ = 1000;

interface Query {
  expr: string;
  /** the series' name when the result has no labels */
  label?: string;
}

interface Panel {
  id: string;
  title: string;
  queries: Query[];
  /** what an empty result means */
  none: string;
  /** series merged by a key of their labels (summed step by step) */
  group?: (metric: Record<string, string>) => string;
}

// Counters are stored under their family name (dais_http_requests, not ..._total), as
// promql_series.py reads them; histograms as h_bucket{le}.
const PANELS: Panel[] = [
  {
    id: "requests",
    title: "Requests per second, by status class",
    queries: [{ expr: "sum by (status) (rate(dais_http_requests[5m]))" }],
    group: (m) => `${(m.status ?? "?").slice(0, 1)}xx`,
    none: "No request was answered in this range.",
  },
  {
    id: "errors",
    title: "5xx responses per second",
    queries: [{ expr: 'sum(rate(dais_http_requests{status=~"5.."}[5m]))', label: "5xx" }],
    none: "No 5xx response in this range.",
  },
  {
    id: "latency",
    title: "p95 request latency (seconds)",
    queries: [
      { expr: "histogram_quantile(0.95, sum by (le) (rate(dais_http_request_duration_seconds_bucket[5m])))", label: "p95" },
    ],
    none: "No request durations in this range.",
  },
  {
    id: "in-flight",
    title: "Requests in flight",
    queries: [{ expr: "sum(dais_http_requests_in_flight)", label: "in flight" }],
    none: "No reading in this range.",
  },
  {
    id: "mailboxes",
    title: "Actor mailbox depth (the 5 deepest)",
    queries: [{ expr: "topk(5, max by (actor) (dais_actor_mailbox_depth))" }],
    none: "No actor reported its mailbox in this range.",
  },
  {
    id: "crashes",
    title: "Actor crashes and restarts (per 5 minutes)",
    queries: [
      { expr: "sum(increase(dais_actor_crashes[5m]))", label: "crashes" },
      { expr: "sum(increase(dais_actor_restarts[5m]))", label: "restarts" },
    ],
    none: "No actor crashed or restarted in this range.",
  },
  {
    id: "memory",
    title: "Resident memory (bytes)",
    queries: [{ expr: "process_resident_memory_bytes", label: "memory" }],
    none: "No reading in this range.",
  },
  {
    id: "cpu",
    title: "CPU (cores busy)",
    queries: [{ expr: "rate(process_cpu_seconds[5m])", label: "cpu" }],
    none: "No reading in this range.",
  },
];

/** A series' name: its labels (bar the metric's name), or the query's label. */
function nameOf(q: Query, metric: Record<string, string>): string {
  const labels = Object.entries(metric)
    .filter(([k]) => k !== "__name__" && k !== "job")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
  if (!labels) return q.label ?? metric.__name__ ?? "value";
  return q.label ? `${q.label} {${labels}}` : labels;
}

function toChart(panel: Panel, results: MatrixSeries[][]): ChartSeries[] {
  const points = (s: MatrixSeries) => s.values.map(([t, v]) => [t * 1000, Number(v)] as [number, number]);
  if (panel.group) {
    const groups = new Map<string, Map<number, number>>();
    for (const s of results.flat()) {
      const key = panel.group(s.metric);
      const sums = groups.get(key) ?? new Map<number, number>();
      for (const [t, v] of points(s)) sums.set(t, (sums.get(t) ?? 0) + v);
      groups.set(key, sums);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([label, sums]) => ({ label, points: [...sums.entries()].sort(([a], [b]) => a - b) }));
  }
  return panel.queries.flatMap((q, i) => results[i]!.map((s) => ({ label: nameOf(q, s.metric), points: points(s) })));
}

interface Frame {
  start: number;
  end: number;
  /** seconds */
  step: number;
}

function frameOf(query: URLSearchParams): Frame {
  const { start, end } = resolveRange(rangeOf(query));
  return { start: start.getTime(), end: end.getTime(), step: stepFor((end.getTime() - start.getTime()) / 1000) };
}

function ChartPanel(props: { projectId: string; base: string; panel: Panel; frame: Frame; reload: string; rangeQuery: string }) {
  const { panel, frame: w } = props;
  const result = useLoad(
    () => Promise.all(panel.queries.map((q) => queryRange(props.projectId, q.expr, w.start / 1000, w.end / 1000, w.step))),
    [props.projectId, props.reload],
  );
  return (
    <section class="card health-panel" aria-labelledby={`health-${panel.id}`} data-testid="health-panel" data-panel={panel.id}>
      <h2 class="health-panel-title" id={`health-${panel.id}`}>
        {panel.title}
      </h2>
      <Show loaded={result} label="Querying…">
        {(results) => {
          const series = toChart(panel, results);
          return series.length === 0 ? (
            <p class="muted health-none" data-testid="health-none">
              {panel.none}
            </p>
          ) : (
            <LineChart title={`${panel.title}: ${series.length} series`} start={w.start} end={w.end} step={w.step * 1000} series={series} height={180} />
          );
        }}
      </Show>
      <p class="health-query">
        <a href={`${props.base}/-/metrics?query=${encodeURIComponent(panel.queries[0]!.expr)}${props.rangeQuery}`}>
          Open in Metrics
        </a>
      </p>
    </section>
  );
}

function RecentProblems(props: { projectId: string; base: string; frame: Frame; reload: string; rangeQuery: string }) {
  const { frame: w } = props;
  const logs = useLoad(
    () =>
      searchLogs(props.projectId, {
        start: new Date(w.start).toISOString(),
        end: new Date(w.end).toISOString(),
        min_severity: 13,
        limit: 10,
      }),
    [props.projectId, props.reload],
  );
  return (
    <section class="stack" aria-labelledby="health-problems" data-testid="health-problems">
      <div class="spread">
        <h2 id="health-problems">Latest warnings and errors</h2>
        <a href={`${props.base}/-/logs?severity=warn${props.rangeQuery}`}>All of them in Logs</a>
      </div>
      <Show loaded={logs} label="Reading the logs…">
        {(page) =>
          page.records.length === 0 ? (
            <p class="muted" data-testid="health-no-problems">
              No warning or error in this range.
            </p>
          ) : (
            <Records records={page.records} base={props.base} />
          )
        }
      </Show>
    </section>
  );
}

function SlowestRequests(props: { projectId: string; base: string; frame: Frame; reload: string }) {
  const { frame: w } = props;
  const traces = useLoad(async () => {
    const found = await searchTraces(props.projectId, {
      start: new Date(w.start).toISOString(),
      end: new Date(w.end).toISOString(),
      service: "dais",
      limit: TRACES_READ,
    });
    return { read: found.length, slowest: [...found].sort((a, b) => b.duration_ns - a.duration_ns).slice(0, 10) };
  }, [props.projectId, props.reload]);
  return (
    <section class="stack" aria-labelledby="health-slowest" data-testid="health-slowest">
      <h2 id="health-slowest">Slowest recent requests</h2>
      <Show loaded={traces} label="Reading the traces…">
        {({ read, slowest }) =>
          slowest.length === 0 ? (
            <p class="muted">No request span in this range.</p>
          ) : (
            <>
              <p class="muted">
                The slowest of the latest {read.toLocaleString()} request{read === 1 ? "" : "s"}.
              </p>
              <div class="table-wrap">
                <table class="table" data-testid="health-slow-table">
                  <thead>
                    <tr>
                      <th scope="col">Request</th>
                      <th scope="col">Started</th>
                      <th scope="col" class="right">
                        Duration
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {slowest.map((t) => (
                      <tr data-testid="health-slow-row">
                        <td>
                          <a href={`${props.base}/-/traces/${t.trace_id}`} class="trace-root">
                            {t.root_name}
                          </a>
                          {t.error_count > 0 && <span class="badge badge-error">error</span>}
                        </td>
                        <td class="mono">{formatTime(t.start_time)}</td>
                        <td class="right mono">{formatNs(t.duration_ns)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Show>
    </section>
  );
}

/** What the page is, and why this project shows nothing. */
function NotDais(props: { base: string }) {
  const own = props.base.replace(/^\//, "") === OWN_PROJECT;
  return (
    <Empty title="No health metrics here.">
      <p data-testid="health-empty">
        This page charts dais's own health (request rates, errors, latency, actors, memory and CPU), which dais records
        about itself in its built-in project <code>{OWN_PROJECT}</code>.{" "}
        {own ? (
          <>
            It holds none yet: dais records its metrics every <code>DAIS_SELF_TELEMETRY_INTERVAL</code> seconds unless{" "}
            <code>DAIS_SELF_TELEMETRY</code> is off.
          </>
        ) : (
          <>
            This project has no such metrics. Administrators find dais's at <a href={`/${OWN_PROJECT}/-/health`}>/{OWN_PROJECT}/-/health</a>.
          </>
        )}
      </p>
    </Empty>
  );
}

export default function Health({ query }: PageProps) {
  const { project, base } = useProject();
  const [refreshed, setRefreshed] = useState(0);
  const names = useLoad(() => metricNames(project.id), [project.id]);
  const reload = `${query.toString()}#${refreshed}`;
  // The range's instants as of the last (re)load: a preset ends when it was read.
  const w = useMemo(() => frameOf(query), [reload]);
  const choice = rangeOf(query);
  const rangeQuery = ["range", "from", "to"]
    .filter((k) => query.get(k))
    .map((k) => `&${k}=${encodeURIComponent(query.get(k)!)}`)
    .join("");
  return (
    <div class="stack observe health">
      <ObserveNav />
      <form
        class="form-inline observe-filters"
        aria-label="Health range"
        key={query.toString()}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(rangeFromForm(new FormData(e.currentTarget)));
          setRefreshed((n) => n + 1);
        }}
      >
        <RangePicker choice={choice} />
        <div class="form-actions">
          <button class="btn" data-testid="health-refresh">
            Refresh
          </button>
        </div>
      </form>
      {names.error !== undefined ? (
        <ErrorBox error={names.error} />
      ) : names.data === undefined ? (
        <Spinner />
      ) : !names.data.includes(MARKER) ? (
        <NotDais base={base} />
      ) : (
        <>
          <p class="muted">
            dais's own metrics, logs and request spans, as it records them every <code>DAIS_SELF_TELEMETRY_INTERVAL</code> seconds; the
            range ends {formatTime(new Date(w.end).toISOString())}.
          </p>
          <div class="health-grid">
            {PANELS.map((panel) => (
              <ChartPanel projectId={project.id} base={base} panel={panel} frame={w} reload={reload} rangeQuery={rangeQuery} />
            ))}
          </div>
          <RecentProblems projectId={project.id} base={base} frame={w} reload={reload} rangeQuery={rangeQuery} />
          <SlowestRequests projectId={project.id} base={base} frame={w} reload={reload} />
        </>
      )}
    </div>
  );
}
