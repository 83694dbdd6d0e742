// Trace search: the traces of a time range with a span that matches the filters (service,
// span name, duration bounds, status), latest first, each with its root span, its extent,
// its span count and whether any span failed. The filters are in the URL.
import { Empty, Show, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import type { PageProps } from "../../router";
import { searchTraces, type TraceFilter } from "./api";
import {
  formatNs,
  formatTime,
  ObserveNav,
  RangePicker,
  rangeFromForm,
  rangeOf,
  resolveRange,
  serviceColour,
  ServicePicker,
  setQuery,
  useServices,
  WithTelemetry,
} from "./shared";
import type { Service, TraceSummary } from "./types";

const LIMIT = 50;
const STATUSES = ["unset", "ok", "error"] as const;
type Status = (typeof STATUSES)[number];

/** A whole number of milliseconds from the URL, or undefined. */
function millis(value: string | null): number | undefined {
  if (!value || !/^\d{1,12}$/.test(value)) return undefined;
  return Number(value);
}

function FilterForm(props: { query: URLSearchParams; services: Service[] }) {
  const { query } = props;
  return (
    <form
      class="form-inline observe-filters"
      data-testid="trace-filters"
      aria-label="Trace filters"
      key={query.toString() /* a navigation (back, forward) starts it afresh */}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const field = (name: string) => String(data.get(name) ?? "").trim() || undefined;
        setQuery({
          ...rangeFromForm(data),
          service: field("service"),
          name: field("name"),
          min_ms: field("min_ms"),
          max_ms: field("max_ms"),
          status: field("status"),
        });
      }}
    >
      <RangePicker choice={rangeOf(query)} />
      <ServicePicker services={props.services} value={query.get("service") ?? ""} />
      <label class="field">
        <span class="field-label">Span name</span>
        <input
          name="name"
          defaultValue={query.get("name") ?? ""}
          placeholder="any"
          autocomplete="off"
          spellcheck={false}
          data-testid="trace-name"
        />
      </label>
      <label class="field observe-number">
        <span class="field-label">Min duration (ms)</span>
        <input name="min_ms" type="number" min="0" step="1" defaultValue={query.get("min_ms") ?? ""} data-testid="trace-min" />
      </label>
      <label class="field observe-number">
        <span class="field-label">Max duration (ms)</span>
        <input name="max_ms" type="number" min="0" step="1" defaultValue={query.get("max_ms") ?? ""} data-testid="trace-max" />
      </label>
      <label class="field">
        <span class="field-label">Status</span>
        <select name="status" defaultValue={query.get("status") ?? ""} data-testid="trace-status">
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
      </label>
      <div class="form-actions">
        <button class="btn btn-primary" data-testid="trace-search">
          Search
        </button>
      </div>
    </form>
  );
}

function TraceTable(props: { traces: TraceSummary[]; base: string }) {
  return (
    <div class="table-wrap">
      <table class="table trace-table" data-testid="traces">
        <thead>
          <tr>
            <th scope="col">Trace</th>
            <th scope="col">Service</th>
            <th scope="col">Started</th>
            <th scope="col" class="right">Duration</th>
            <th scope="col" class="right">Spans</th>
          </tr>
        </thead>
        <tbody>
          {props.traces.map((t) => (
            <tr data-testid="trace-row" data-trace={t.trace_id} data-errors={t.error_count}>
              <td>
                <a href={`${props.base}/-/traces/${t.trace_id}`} class="trace-root" data-testid="trace-link">
                  {t.root_name || "(no name)"}
                </a>
                {t.error_count > 0 && (
                  <span class="badge badge-error" data-testid="trace-error" title={`${t.error_count} span(s) failed`}>
                    {t.error_count} error{t.error_count === 1 ? "" : "s"}
                  </span>
                )}
                <div class="muted mono trace-id">{t.trace_id}</div>
              </td>
              <td class="nowrap">
                <span class="service-dot" style={{ background: serviceColour(t.root_service) }} aria-hidden="true" />
                {t.root_service || "(no service)"}
              </td>
              <td class="nowrap mono">
                <time dateTime={t.start_time}>{formatTime(t.start_time)}</time>
              </td>
              <td class="right nowrap">{formatNs(t.duration_ns)}</td>
              <td class="right">{t.span_count.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Results(props: { projectId: string; query: URLSearchParams; base: string }) {
  const { query } = props;
  const traces = useLoad(() => {
    const { start, end } = resolveRange(rangeOf(query));
    const status = query.get("status");
    const filter: TraceFilter = {
      start: start.toISOString(),
      end: end.toISOString(),
      service: query.get("service") || undefined,
      name: query.get("name") || undefined,
      min_duration_ms: millis(query.get("min_ms")),
      max_duration_ms: millis(query.get("max_ms")),
      status: (STATUSES as readonly string[]).includes(status ?? "") ? (status as Status) : undefined,
      limit: LIMIT,
    };
    return searchTraces(props.projectId, filter);
  }, [props.projectId, query.toString()]);
  return (
    <Show loaded={traces} label="Searching the traces…">
      {(list) =>
        list.length === 0 ? (
          <Empty title="No trace matches.">
            Widen the time range or loosen the filters. <a href={`${props.base}/-/traces`}>Clear the filters</a>
          </Empty>
        ) : (
          <>
            <p class="muted" role="status" data-testid="trace-count">
              {list.length} trace{list.length === 1 ? "" : "s"}, latest first{list.length >= LIMIT ? ` (the latest ${LIMIT})` : ""}
            </p>
            <TraceTable traces={list} base={props.base} />
          </>
        )
      }
    </Show>
  );
}

export default function Traces({ query }: PageProps) {
  const { project, base } = useProject();
  const services = useServices(project.id);
  return (
    <div class="stack observe">
      <ObserveNav />
      <WithTelemetry services={services}>
        {(list) => (
          <>
            <FilterForm query={query} services={list} />
            <Results projectId={project.id} query={query} base={base} />
          </>
        )}
      </WithTelemetry>
    </div>
  );
}
