// The telemetry read routes (dais/http/observe.py) and the Prometheus-compatible API
// (dais/http/prometheus.py) of a project. Plain fetches (getJSON): the pages' types are
// types.ts's. A Prometheus error ({"status": "error", "errorType", "error"}) becomes an
// ApiError whose detail names its type, so the pages show it as they show any problem.
import { ApiError, getJSON, tracked } from "../../api/client";
import type {
  LogHistogram,
  LogPage,
  MatrixSeries,
  PromAnswer,
  QueryData,
  Service,
  Span,
  TraceSummary,
  VectorSample,
} from "./types";

const enc = encodeURIComponent;
const telemetry = (project: string) => `/api/projects/${enc(project)}/telemetry`;
const prometheus = (project: string) => `/api/projects/${enc(project)}/prometheus/api/v1`;

type Query = Record<string, string | number | undefined | null | string[]>;

/** A query string of the values given (empty and missing ones left out; lists repeated). */
export function queryString(values: Query): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

// --- logs ------------------------------------------------------------------------------

export interface LogFilter {
  start: string;
  end: string;
  service?: string;
  min_severity?: number;
  /** a substring of the body */
  q?: string;
  /** an RE2 pattern found in the body */
  regex?: string;
  trace_id?: string;
  /** key=value: a record or resource attribute holding the value (each must match) */
  attribute?: string[];
  before?: string;
  limit?: number;
}

export const searchLogs = (project: string, f: LogFilter) =>
  getJSON<LogPage>(`${telemetry(project)}/logs${queryString({ ...f })}`);

/** The filters of the listing (without its paging), counted in `buckets` slices (1..1000,
 * default 60) of the range, by level. */
export const logHistogram = (project: string, f: Omit<LogFilter, "before" | "limit"> & { buckets?: number }) =>
  getJSON<LogHistogram>(`${telemetry(project)}/logs/histogram${queryString({ ...f })}`);

/** The live tail (text/event-stream of `event: log`, each a LogRecord). */
export const logTailUrl = (
  project: string,
  f: { service?: string; min_severity?: number; q?: string; trace_id?: string; attribute?: string[] },
) =>
  `${telemetry(project)}/logs/tail${queryString(f)}`;

// --- traces ----------------------------------------------------------------------------

export interface TraceFilter {
  start: string;
  end: string;
  service?: string;
  name?: string;
  min_duration_ms?: number;
  max_duration_ms?: number;
  status?: "unset" | "ok" | "error";
  limit?: number;
}

export const searchTraces = (project: string, f: TraceFilter) =>
  getJSON<TraceSummary[]>(`${telemetry(project)}/traces${queryString({ ...f })}`);

export const getTrace = (project: string, traceId: string) =>
  getJSON<Span[]>(`${telemetry(project)}/traces/${enc(traceId)}`);

/** The services that sent telemetry in the last 7 days (none: the project has sent none). */
export const listServices = (project: string) => getJSON<Service[]>(`${telemetry(project)}/services`);

// --- metrics (PromQL) ------------------------------------------------------------------

async function prom<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await tracked(fetch(url, { credentials: "same-origin" }));
  } catch (e) {
    throw new ApiError(0, { detail: `could not reach dais: ${(e as Error).message}` });
  }
  const body: unknown = await response.json().catch(() => null);
  const answer = body as PromAnswer<T> | null;
  if (answer && answer.status === "success") return answer.data;
  if (answer && answer.status === "error")
    throw new ApiError(response.status, { status: response.status, title: answer.errorType, detail: `${answer.errorType}: ${answer.error}` });
  // Not Prometheus's shape: dais's own problem (401, 403, 404).
  const problem = body && typeof body === "object" ? body : { status: response.status, detail: `the server answered ${response.status}` };
  throw new ApiError(response.status, problem);
}

export async function queryRange(project: string, query: string, start: number, end: number, step: number) {
  const data = await prom<QueryData>(`${prometheus(project)}/query_range${queryString({ query, start, end, step })}`);
  if (data.resultType !== "matrix") throw new ApiError(0, { detail: `expected a range of series, got a ${data.resultType}` });
  return data.result as MatrixSeries[];
}

/** An instant query: a vector, or a scalar or string made one sample without labels. */
export async function queryInstant(project: string, query: string, time: number): Promise<VectorSample[]> {
  const data = await prom<QueryData>(`${prometheus(project)}/query${queryString({ query, time })}`);
  if (data.resultType === "vector") return data.result;
  if (data.resultType === "matrix") return data.result.flatMap((s) => s.values.map((value) => ({ metric: s.metric, value })));
  return [{ metric: {}, value: data.result }];
}

export const metricNames = (project: string) => prom<string[]>(`${prometheus(project)}/label/__name__/values`);
