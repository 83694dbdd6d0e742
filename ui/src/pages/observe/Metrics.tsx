// Metrics through PromQL (the project's Prometheus-compatible API): an expression (metric
// names suggested as it is typed), a time range, and its result as a line chart (a range
// query) or a table (an instant query at the range's end). `?query=`, the range and
// `?view=table` are in the URL. A query the server refuses shows its error type and text.
import { Empty, Show, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import type { PageProps } from "../../router";
import { metricNames, queryInstant, queryRange } from "./api";
import { LineChart, formatValue } from "./LineChart";
import { ObserveNav, RangePicker, rangeFromForm, rangeOf, resolveRange, setQuery, useServices, WithTelemetry } from "./shared";

/** About this many steps across the range: enough for a smooth line, few for the server. */
const STEPS = 240;
/** Round steps, in seconds. */
const STEP_CHOICES = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

export const stepFor = (seconds: number) => STEP_CHOICES.find((s) => s >= seconds / STEPS) ?? 86400;

/** A series' labels as Prometheus writes them: name{label="value", ...}. */
export function seriesLabel(metric: Record<string, string>): string {
  const { __name__: name = "", ...rest } = metric;
  const labels = Object.entries(rest)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
  return labels || !name ? `${name}{${labels}}` : name;
}

function Graph(props: { projectId: string; expr: string; query: URLSearchParams }) {
  const result = useLoad(async () => {
    const { start, end } = resolveRange(rangeOf(props.query));
    const s = start.getTime() / 1000;
    const e = end.getTime() / 1000;
    const step = stepFor(e - s);
    const series = await queryRange(props.projectId, props.expr, s, e, step);
    return { series, start: start.getTime(), end: end.getTime(), step: step * 1000 };
  }, [props.projectId, props.expr, props.query.toString()]);
  return (
    <Show loaded={result} label="Querying…">
      {(r) =>
        r.series.length === 0 ? (
          <Empty title="No series.">The expression matched no data in this time range.</Empty>
        ) : (
          <LineChart
            title={`${props.expr}: ${r.series.length} series`}
            start={r.start}
            end={r.end}
            step={r.step}
            series={r.series.map((s) => ({ label: seriesLabel(s.metric), points: s.values.map(([t, v]) => [t * 1000, Number(v)]) }))}
          />
        )
      }
    </Show>
  );
}

function Table(props: { projectId: string; expr: string; query: URLSearchParams }) {
  const result = useLoad(async () => {
    const { end } = resolveRange(rangeOf(props.query));
    return { at: end, samples: await queryInstant(props.projectId, props.expr, end.getTime() / 1000) };
  }, [props.projectId, props.expr, props.query.toString()]);
  return (
    <Show loaded={result} label="Querying…">
      {({ at, samples }) =>
        samples.length === 0 ? (
          <Empty title="No series.">The expression has no value at {at.toLocaleString()}.</Empty>
        ) : (
          <>
            <p class="muted">At {at.toLocaleString()}</p>
            <div class="table-wrap">
              <table class="table" data-testid="metric-table">
                <thead>
                  <tr>
                    <th scope="col">Series</th>
                    <th scope="col" class="right">Value</th>
                  </tr>
                </thead>
                <tbody>
                  {samples.map((s) => (
                    <tr data-testid="metric-row">
                      <td class="mono">{seriesLabel(s.metric)}</td>
                      <td class="right mono" title={s.value[1]}>
                        {formatValue(Number(s.value[1]))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      }
    </Show>
  );
}

function QueryForm(props: { query: URLSearchParams; names: string[] }) {
  const { query } = props;
  return (
    <form
      class="form-inline observe-filters"
      aria-label="Metrics query"
      data-testid="metric-form"
      key={query.toString() /* a navigation (back, forward) starts it afresh */}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        setQuery({ ...rangeFromForm(data), query: String(data.get("query") ?? "").trim() || undefined });
      }}
    >
      <label class="field observe-promql">
        <span class="field-label">PromQL</span>
        <input
          name="query"
          class="mono"
          list="metric-names"
          defaultValue={query.get("query") ?? ""}
          placeholder="rate(http_requests_total[5m])"
          autocomplete="off"
          spellcheck={false}
          data-testid="promql"
        />
      </label>
      <datalist id="metric-names">
        {props.names.map((n) => (
          <option value={n} />
        ))}
      </datalist>
      <RangePicker choice={rangeOf(query)} />
      <div class="form-actions">
        <button class="btn btn-primary" data-testid="metric-run">
          Run
        </button>
      </div>
    </form>
  );
}

export default function Metrics({ query }: PageProps) {
  const { project } = useProject();
  const services = useServices(project.id);
  const names = useLoad(() => metricNames(project.id), [project.id]);
  const expr = query.get("query")?.trim() ?? "";
  const view = query.get("view") === "table" ? "table" : "graph";
  return (
    <div class="stack observe">
      <ObserveNav />
      <WithTelemetry services={services}>
        {() => (
          <>
            <QueryForm query={query} names={names.data ?? []} />
            {names.error !== undefined && (
              <p class="muted" data-testid="metric-names-error">
                The metric names could not be listed: {String((names.error as Error)?.message ?? names.error)}
              </p>
            )}
            <div class="row" role="group" aria-label="View">
              <button class="btn btn-small" aria-pressed={view === "graph"} onClick={() => setQuery({ view: undefined }, { replace: true })}>
                Graph
              </button>
              <button
                class="btn btn-small"
                aria-pressed={view === "table"}
                onClick={() => setQuery({ view: "table" }, { replace: true })}
                data-testid="metric-view-table"
              >
                Table
              </button>
            </div>
            {!expr ? (
              <Empty title="Write a PromQL expression.">
                {names.data?.length ? (
                  <>
                    This project has {names.data.length} metric{names.data.length === 1 ? "" : "s"}, such as{" "}
                    <code>{names.data[0]}</code>.
                  </>
                ) : (
                  "Its metric names are suggested as you type."
                )}
              </Empty>
            ) : view === "graph" ? (
              <Graph projectId={project.id} expr={expr} query={query} />
            ) : (
              <Table projectId={project.id} expr={expr} query={query} />
            )}
          </>
        )}
      </WithTelemetry>
    </div>
  );
}
