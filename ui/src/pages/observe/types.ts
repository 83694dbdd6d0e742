// The telemetry read API as the observe pages see it (dais/http/observe.py, and the
// Prometheus-compatible routes of dais/http/prometheus.py). Hand-written: some of these
// routes are newer than the generated schema.d.ts.

/** A log record. Times are RFC 3339; ids are lowercase hex (null when the record has none). */
export interface LogRecord {
  time: string;
  /** OpenTelemetry's 0 (unset) to 24: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal */
  severity_number: number;
  severity_text: string | null;
  body: string | null;
  service_name: string;
  trace_id: string | null;
  span_id: string | null;
  attributes: Record<string, string>;
  resource_attributes: Record<string, string>;
}

/** GET .../telemetry/logs: a page of records newest first; `next` is the `before` of the
 * older page, null on the last. */
export interface LogPage {
  records: LogRecord[];
  next: string | null;
}

/** The levels a histogram counts, in OpenTelemetry's order of severity. */
export type HistogramLevel = "unspecified" | "trace" | "debug" | "info" | "warn" | "error" | "fatal";

/** GET .../telemetry/logs/histogram: the listing's filters counted in equal slices of
 * [start, end), `step` seconds wide (the last one may end past `end`), by level. */
export interface LogHistogram {
  start: string;
  end: string;
  step: number;
  buckets: { start: string; counts: Record<HistogramLevel, number> }[];
}

export interface SpanEvent {
  time: string;
  name: string;
  attributes: Record<string, string>;
}

/** A span another span points to (a batch's messages, a follow-up trace). */
export interface SpanLink {
  trace_id: string;
  span_id: string;
  attributes: Record<string, string>;
}

/** 0 unset, 1 ok, 2 error (OTLP's Status.StatusCode). */
export type StatusCode = 0 | 1 | 2;

/** A span of GET .../telemetry/traces/{trace_id} (by start time). */
export interface Span {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  /** OTLP's SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer */
  kind: number;
  service_name: string;
  start_time: string;
  end_time: string;
  duration_ns: number;
  status_code: StatusCode;
  status_message: string | null;
  attributes: Record<string, string>;
  resource_attributes: Record<string, string>;
  events: SpanEvent[];
  links: SpanLink[];
}

/** A trace as GET .../telemetry/traces lists it (latest first). */
export interface TraceSummary {
  trace_id: string;
  root_name: string;
  root_service: string;
  start_time: string;
  duration_ns: number;
  span_count: number;
  error_count: number;
}

/** GET .../telemetry/services: a service seen in the last 7 days. */
export interface Service {
  name: string;
}

// --- Prometheus's HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/) ----

/** [unix seconds, the value as a string ("NaN", "+Inf" included)] */
export type SamplePair = [number, string];

export interface MatrixSeries {
  metric: Record<string, string>;
  values: SamplePair[];
}

export interface VectorSample {
  metric: Record<string, string>;
  value: SamplePair;
}

export type QueryData =
  | { resultType: "matrix"; result: MatrixSeries[] }
  | { resultType: "vector"; result: VectorSample[] }
  | { resultType: "scalar" | "string"; result: SamplePair };

export type PromAnswer<T> =
  | { status: "success"; data: T; warnings?: string[] }
  | { status: "error"; errorType: string; error: string };
