// A project's logs: the records of a time range that match the filters, newest first, paged
// back with the `next` cursor; or, with Live on, new records as they arrive (the tail, SSE)
// over the newest page, at most LIVE_MAX rows. Every filter is in the URL, so a view is a
// link. Bodies and attributes are untrusted: they are text nodes, never HTML.
import { useEffect, useRef, useState } from "preact/hooks";
import { Empty, ErrorBox, Show, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import type { PageProps } from "../../router";
import { logTailUrl, searchLogs, type LogFilter } from "./api";
import { LogHistogram } from "./LogHistogram";
import {
  Attributes,
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
import type { LogRecord, Service } from "./types";

const PAGE = 100;
/** The most rows the live view keeps: the oldest go as new ones come. */
const LIVE_MAX = 1000;
const MAX_BACKOFF_MS = 15_000;

/** OpenTelemetry's severity ranges by their short names, and the first number of each. */
const LEVELS = [
  ["trace", 1],
  ["debug", 5],
  ["info", 9],
  ["warn", 13],
  ["error", 17],
  ["fatal", 21],
] as const;
type Level = (typeof LEVELS)[number][0];

function levelOf(n: number): Level | "unset" {
  let found: Level | "unset" = "unset";
  for (const [name, from] of LEVELS) if (n >= from) found = name;
  return found;
}

const minSeverity = (name: string | null) => LEVELS.find(([n]) => n === name)?.[1];

/** `key=value` (the first `=` splits), or null. */
function pair(text: string): [string, string] | null {
  const at = text.indexOf("=");
  return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : null;
}

interface Filters {
  service: string;
  severity: string;
  text: string;
  regex: boolean;
  attributes: string[];
  trace: string;
}

function filtersOf(query: URLSearchParams): Filters {
  return {
    service: query.get("service") ?? "",
    severity: minSeverity(query.get("severity")) ? query.get("severity")! : "",
    text: query.get("q") ?? "",
    regex: query.get("regex") === "1",
    attributes: query.getAll("attr").filter((a) => pair(a) !== null),
    trace: (query.get("trace") ?? "").toLowerCase(),
  };
}

/** What the tail cannot filter by itself (it takes a service, a severity, a substring, a
 * trace and attributes): the regex. A regex the browser cannot compile (RE2 and JavaScript
 * differ at the edges) lets every record through. */
function liveTest(f: Filters): (r: LogRecord) => boolean {
  let re: RegExp | null = null;
  if (f.regex && f.text) {
    try {
      re = new RegExp(f.text);
    } catch {
      re = null;
    }
  }
  return (r) => !re || re.test(r.body ?? "");
}

// --- one record --------------------------------------------------------------------------

function Record(props: { record: LogRecord; base: string; fresh?: boolean }) {
  const r = props.record;
  const [open, setOpen] = useState(false);
  const level = levelOf(r.severity_number);
  const attributeCount = Object.keys(r.attributes).length + Object.keys(r.resource_attributes).length;
  return (
    <li class={`log-record sev-${level}${props.fresh ? " log-record-fresh" : ""}`} data-testid="log-record" data-severity={level}>
      <button
        type="button"
        class="log-record-toggle"
        aria-expanded={open}
        aria-label={open ? "Hide the attributes" : `Show the attributes (${attributeCount})`}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? "▾" : "▸"}</span>
      </button>
      <time class="log-record-time mono" dateTime={r.time} title={r.time}>
        {formatTime(r.time)}
      </time>
      <span class={`sev-badge sev-${level}`} data-testid="log-severity" title={`severity ${r.severity_number}`}>
        {r.severity_text || level}
      </span>
      <span class="log-record-service" data-testid="log-service">
        <span class="service-dot" style={{ background: serviceColour(r.service_name) }} aria-hidden="true" />
        {r.service_name || "(no service)"}
      </span>
      {r.trace_id && (
        <a
          class="log-record-trace mono"
          href={`${props.base}/-/traces/${r.trace_id}${r.span_id ? `?span=${r.span_id}` : ""}`}
          data-testid="log-trace"
          title={`trace ${r.trace_id}`}
        >
          trace {r.trace_id.slice(0, 8)}
        </a>
      )}
      <pre class="log-record-body" data-testid="log-body">
        {r.body ?? ""}
      </pre>
      {open && (
        <div class="log-record-details" data-testid="log-details">
          <Attributes values={r.attributes} label="Attributes" testid="log-attributes" />
          <Attributes values={r.resource_attributes} label="Resource attributes" testid="log-resource-attributes" />
          {r.trace_id && (
            <p class="muted mono">
              trace_id {r.trace_id}
              {r.span_id && <> · span_id {r.span_id}</>}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

/** A key per record object, so that a row keeps its state (expanded) as rows arrive above. */
const keys = new WeakMap<LogRecord, number>();
let lastKey = 0;
function keyOf(r: LogRecord): number {
  let k = keys.get(r);
  if (k === undefined) keys.set(r, (k = ++lastKey));
  return k;
}

export function Records(props: { records: LogRecord[]; base: string; freshCount?: number }) {
  return (
    <ul class="log-records" data-testid="log-records" aria-label="Log records, newest first">
      {props.records.map((r, i) => (
        <Record key={keyOf(r)} record={r} base={props.base} fresh={i < (props.freshCount ?? 0)} />
      ))}
    </ul>
  );
}

// --- the live tail -----------------------------------------------------------------------

type TailPhase = "connecting" | "live" | "reconnecting";

/** New records from the tail, newest first (at most LIVE_MAX); while paused they are held
 * and counted, and join the list on resume. Arrivals are applied once per animation frame.
 * The server drops what a slow reader misses and cuts large exports short (`event: cut`):
 * the live view is a view, the search has every record. */
function useTail(url: string | null, accept: (r: LogRecord) => boolean, paused: boolean) {
  const [rows, setRows] = useState<LogRecord[]>([]);
  const [held, setHeld] = useState(0);
  const [phase, setPhase] = useState<TailPhase>("connecting");
  /** records of large exports the server did not send (`event: cut`) */
  const [cut, setCut] = useState(0);
  const pending = useRef<LogRecord[]>([]);
  const heldRows = useRef<LogRecord[]>([]);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  useEffect(() => {
    setRows([]);
    heldRows.current = [];
    setHeld(0);
    setCut(0);
    if (!url) return;
    let source: EventSource | null = null;
    let frame: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let backoff = 1000;
    let stopped = false;
    setPhase("connecting");

    const flush = () => {
      frame = null;
      const batch = pending.current.reverse();
      pending.current = [];
      if (pausedRef.current) {
        heldRows.current = [...batch, ...heldRows.current].slice(0, LIVE_MAX);
        setHeld(heldRows.current.length);
      } else setRows((now) => [...batch, ...now].slice(0, LIVE_MAX));
    };
    const open = () => {
      const s = new EventSource(url);
      source = s;
      s.onopen = () => {
        backoff = 1000;
        setPhase("live");
      };
      s.addEventListener("log", (e) => {
        let record: LogRecord;
        try {
          record = JSON.parse((e as MessageEvent<string>).data) as LogRecord;
        } catch {
          console.warn("log tail: an event that is not JSON", e);
          return;
        }
        if (!acceptRef.current(record)) return;
        pending.current.push(record);
        if (frame === null) frame = requestAnimationFrame(flush);
      });
      s.addEventListener("cut", (e) => {
        const n = Number((e as MessageEvent<string>).data);
        if (Number.isFinite(n)) setCut((c) => c + n);
      });
      s.onerror = () => {
        if (stopped) return;
        setPhase("reconnecting");
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (an HTTP error);
        // open it again later, waiting longer each time.
        if (s.readyState !== EventSource.CLOSED) return;
        s.close();
        timer = setTimeout(() => !stopped && open(), backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
      if (frame !== null) cancelAnimationFrame(frame);
      clearTimeout(timer);
      pending.current = [];
    };
  }, [url]);

  useEffect(() => {
    if (paused || heldRows.current.length === 0) return;
    const back = heldRows.current;
    heldRows.current = [];
    setHeld(0);
    setRows((now) => [...back, ...now].slice(0, LIVE_MAX));
  }, [paused]);

  return { rows, held, phase, cut };
}

function LiveView(props: { projectId: string; filters: Filters; newest: LogRecord[]; base: string }) {
  const { filters } = props;
  const [paused, setPaused] = useState(false);
  const url = logTailUrl(props.projectId, {
    service: filters.service || undefined,
    min_severity: minSeverity(filters.severity),
    q: filters.regex ? undefined : filters.text || undefined,
    trace_id: filters.trace || undefined,
    attribute: filters.attributes,
  });
  const tail = useTail(url, liveTest(filters), paused);
  const rows = [...tail.rows, ...props.newest].slice(0, LIVE_MAX);
  const status =
    tail.phase === "connecting"
      ? "Connecting…"
      : tail.phase === "reconnecting"
        ? "Connection lost; reconnecting…"
        : paused
          ? "Paused"
          : "Live: new records appear at the top.";
  return (
    <section class="stack" aria-label="Live log records" data-testid="log-live" data-phase={tail.phase}>
      <div class="log-toolbar log-live-bar">
        <span class="log-status" role="status" aria-live="polite" data-testid="log-live-status">
          {tail.phase === "live" && !paused && <span class="log-live-dot" aria-hidden="true" />}
          {status}
          {paused && tail.held > 0 && ` · ${tail.held.toLocaleString()} new`}
          {tail.cut > 0 && ` · ${tail.cut.toLocaleString()} records of large exports not shown (search finds them)`}
        </span>
        <span class="grow" />
        <span class="muted">
          {rows.length.toLocaleString()} row{rows.length === 1 ? "" : "s"} (at most {LIVE_MAX.toLocaleString()})
        </span>
        <button type="button" class="btn btn-small" aria-pressed={paused} onClick={() => setPaused(!paused)} data-testid="log-pause">
          {paused ? "Resume" : "Pause"}
        </button>
      </div>
      {rows.length === 0 ? (
        <Empty title="Waiting for records…">New records that match the filters appear here as they arrive.</Empty>
      ) : (
        <Records records={rows} base={props.base} freshCount={tail.rows.length} />
      )}
    </section>
  );
}

// --- the filters -------------------------------------------------------------------------

function FilterForm(props: { query: URLSearchParams; filters: Filters; services: Service[] }) {
  const { filters } = props;
  const choice = rangeOf(props.query);
  const [regex, setRegex] = useState(filters.regex);
  const [attrError, setAttrError] = useState<string | null>(null);
  return (
    <form
      class="form-inline observe-filters"
      data-testid="log-filters"
      aria-label="Log filters"
      key={props.query.toString() /* a navigation (back, a chip) starts it afresh */}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const text = String(data.get("q") ?? "").trim();
        const added = String(data.get("attr") ?? "").trim();
        if (added && !pair(added)) {
          setAttrError("Write an attribute filter as key=value.");
          return;
        }
        setAttrError(null);
        setQuery({
          ...rangeFromForm(data),
          service: String(data.get("service") ?? ""),
          severity: String(data.get("severity") ?? ""),
          q: text || undefined,
          regex: regex && text ? "1" : undefined,
          attr: added && !filters.attributes.includes(added) ? [...filters.attributes, added] : filters.attributes,
        });
      }}
    >
      <RangePicker choice={choice} />
      <ServicePicker services={props.services} value={filters.service} />
      <label class="field">
        <span class="field-label">Minimum severity</span>
        <select name="severity" defaultValue={filters.severity} data-testid="severity">
          <option value="">Any</option>
          {LEVELS.map(([name]) => (
            <option value={name}>{name}</option>
          ))}
        </select>
      </label>
      <label class="field observe-search">
        <span class="field-label">{regex ? "Body matches (RE2 regex)" : "Body contains"}</span>
        <input
          type="search"
          name="q"
          defaultValue={filters.text}
          placeholder={regex ? "timeout|refused" : "text"}
          autocomplete="off"
          spellcheck={false}
          class="mono"
          data-testid="log-query"
        />
      </label>
      <label class="checkbox observe-regex">
        <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.currentTarget.checked)} data-testid="log-regex" /> Regex
      </label>
      <label class="field">
        <span class="field-label">Attribute</span>
        <input name="attr" placeholder="key=value" autocomplete="off" spellcheck={false} class="mono" data-testid="log-attr" />
      </label>
      <div class="form-actions">
        <button class="btn btn-primary" data-testid="log-search">
          Search
        </button>
      </div>
      {attrError && (
        <p class="field-hint observe-form-error" role="alert">
          {attrError}
        </p>
      )}
    </form>
  );
}

/** The filters beyond the form: attribute pairs and the trace, each removable. */
function Chips(props: { filters: Filters }) {
  const { attributes, trace } = props.filters;
  if (!attributes.length && !trace) return null;
  return (
    <div class="row observe-chips" data-testid="log-chips" aria-label="More filters">
      {trace && (
        <span class="badge badge-accent chip" data-testid="chip">
          trace <span class="mono">{trace}</span>
          <button type="button" class="chip-remove" aria-label="Remove the trace filter" onClick={() => setQuery({ trace: undefined })}>
            ✕
          </button>
        </span>
      )}
      {attributes.map((a) => (
        <span class="badge badge-accent chip" data-testid="chip">
          <span class="mono">{a}</span>
          <button
            type="button"
            class="chip-remove"
            aria-label={`Remove the filter ${a}`}
            onClick={() => setQuery({ attr: attributes.filter((x) => x !== a) })}
          >
            ✕
          </button>
        </span>
      ))}
    </div>
  );
}

// --- the page ----------------------------------------------------------------------------

/** What the listing and the histogram ask for: the range (a preset ends now) and the filters. */
function searchOf(query: URLSearchParams, filters: Filters): LogFilter {
  const { start, end } = resolveRange(rangeOf(query));
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    service: filters.service || undefined,
    min_severity: minSeverity(filters.severity),
    q: filters.regex ? undefined : filters.text || undefined,
    regex: filters.regex ? filters.text || undefined : undefined,
    trace_id: filters.trace || undefined,
    attribute: filters.attributes,
  };
}

function Results(props: { projectId: string; query: URLSearchParams; filters: Filters; base: string; live: boolean }) {
  const { filters, projectId } = props;
  const key = props.query.toString();
  const first = useLoad(async () => {
    const filter: LogFilter = { ...searchOf(props.query, filters), limit: PAGE };
    return { filter, page: await searchLogs(projectId, filter) };
    // Read again as Live starts (its newest page) and stops (what came meanwhile).
  }, [projectId, key, props.live]);
  // The older pages read after the first one: those of another first page are dropped.
  const [olderPages, setOlder] = useState<{ of: unknown; records: LogRecord[]; next: string | null } | null>(null);
  const older = olderPages && olderPages.of === first.data ? olderPages : null;
  const more = useAction(async () => {
    const loaded = first.data!;
    const before = older ? older.next : loaded.page.next;
    if (!before) return;
    const page = await searchLogs(projectId, { ...loaded.filter, before });
    setOlder({ of: loaded, records: [...(older?.records ?? []), ...page.records], next: page.next });
  });

  return (
    <Show loaded={first} label="Searching the logs…">
      {({ page }) => {
        if (props.live) {
          return <LiveView projectId={projectId} filters={filters} newest={page.records} base={props.base} />;
        }
        const read = [...page.records, ...(older?.records ?? [])];
        const records = read;
        const next = older ? older.next : page.next;
        if (records.length === 0 && !next)
          return (
            <Empty title="No log record matches.">
              Widen the time range or loosen the filters. <a href={`${props.base}/-/logs`}>Clear the filters</a>
            </Empty>
          );
        return (
          <>
            <p class="muted" role="status" data-testid="log-count">
              {records.length.toLocaleString()} record{records.length === 1 ? "" : "s"}
              {next ? " so far" : ""}, newest first
              {first.loading && " · refreshing…"}
            </p>
            <Records records={records} base={props.base} />
            <ErrorBox error={more.error} />
            <div class="pager">
              {next ? (
                <button class="btn" disabled={more.busy} onClick={() => void more.run()} data-testid="log-older">
                  {more.busy ? "Loading…" : "Load older"}
                </button>
              ) : (
                <span class="muted" data-testid="log-end">
                  No older records in this range.
                </span>
              )}
            </div>
          </>
        );
      }}
    </Show>
  );
}

export default function Logs({ query }: PageProps) {
  const { project, base } = useProject();
  const services = useServices(project.id);
  const filters = filtersOf(query);
  const [live, setLive] = useState(false);
  return (
    <div class="stack observe">
      <div class="spread">
        <ObserveNav />
        {!!services.data?.length && (
          <button
            type="button"
            class="btn"
            aria-pressed={live}
            onClick={() => setLive(!live)}
            data-testid="log-live-toggle"
            title="Show new records as they arrive"
          >
            {live && <span class="log-live-dot" aria-hidden="true" />}
            Live
          </button>
        )}
      </div>
      <WithTelemetry services={services}>
        {(list) => (
          <>
            <FilterForm query={query} filters={filters} services={list} />
            <Chips filters={filters} />
            {/* Hidden while Live: the tail has no range to count over. Read again with the
                listing (a new query, or Live turned off). */}
            {!live && (
              <LogHistogram projectId={project.id} filter={searchOf(query, filters)} reloadKey={query.toString()} />
            )}
            <Results projectId={project.id} query={query} filters={filters} base={base} live={live} />
          </>
        )}
      </WithTelemetry>
    </div>
  );
}
