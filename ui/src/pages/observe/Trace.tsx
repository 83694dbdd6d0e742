// One trace as a waterfall: a row per span, nested under its parent, its bar placed and
// sized on the trace's time axis (a ruler above), coloured by service, failed spans marked.
// A span's subtree folds away; clicking a span shows its details (`?span=id`, linkable).
//
// Large traces (thousands of spans): rows have one fixed height (ROW_PX, as `.wf-row` in
// styles.css), so only the rows in view (and OVERSCAN either side) are rendered; bars are
// placed with percentages, so nothing is measured while scrolling. The tree is built once
// per trace, the visible rows once per fold.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { Empty, Show, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import type { PageProps } from "../../router";
import { getTrace } from "./api";
import { Attributes, formatNs, formatTime, ObserveNav, serviceColour, setQuery } from "./shared";
import type { Span } from "./types";

const ROW_PX = 26;
const OVERSCAN = 30;
/** How far around the trace the "logs of this trace" link looks (records are often written
 * a little before or after their spans' ends). */
const LOG_MARGIN_MS = 5 * 60_000;

const KIND = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const STATUS = ["unset", "ok", "error"];

/** Microseconds since the epoch of an RFC 3339 time (Date keeps milliseconds only). */
function micros(iso: string): number {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? "";
  return Math.floor(Date.parse(iso) / 1000) * 1_000_000 + Number((fraction + "000000").slice(0, 6));
}

interface Node {
  span: Span;
  depth: number;
  /** from the trace's start, in microseconds */
  offset: number;
  children: Node[];
  /** how many spans are under it, at any depth */
  descendants: number;
}

interface Model {
  roots: Node[];
  byId: Map<string, Node>;
  start: number;
  /** the trace's extent, in microseconds (at least 1) */
  total: number;
  services: string[];
  errors: number;
}

/** The tree of a trace's spans. A span whose parent is missing (not sent yet, or lost) is a
 * root; siblings go by start time. Iterative: a deep trace must not overflow the stack. */
function build(spans: Span[]): Model {
  const start = Math.min(...spans.map((s) => micros(s.start_time)));
  const end = Math.max(...spans.map((s) => micros(s.start_time) + s.duration_ns / 1000));
  const byId = new Map<string, Node>();
  for (const span of spans) byId.set(span.span_id, { span, depth: 0, offset: micros(span.start_time) - start, children: [], descendants: 0 });
  const roots: Node[] = [];
  for (const node of byId.values()) {
    const parent = node.span.parent_span_id ? byId.get(node.span.parent_span_id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  // Parent ids that only loop back (a broken exporter): start from the earliest span.
  if (!roots.length) roots.push([...byId.values()].sort((a, b) => a.offset - b.offset)[0]!);
  const byStart = (a: Node, b: Node) => a.offset - b.offset || (a.span.span_id < b.span.span_id ? -1 : 1);
  roots.sort(byStart);
  // Depths top-down, then descendant counts bottom-up (the reverse of a pre-order walk).
  const order: Node[] = [];
  const stack = [...roots].reverse();
  const seen = new Set<Node>();
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue; // a cycle of parent ids: show each span once
    seen.add(node);
    order.push(node);
    node.children.sort(byStart);
    for (let i = node.children.length - 1; i >= 0; i--) {
      node.children[i]!.depth = node.depth + 1;
      stack.push(node.children[i]!);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    node.descendants = node.children.reduce((n, c) => n + 1 + c.descendants, 0);
  }
  return {
    roots,
    byId,
    start,
    total: Math.max(1, end - start),
    services: [...new Set(spans.map((s) => s.service_name))].sort(),
    errors: spans.filter((s) => s.status_code === 2).length,
  };
}

/** The rows shown: a pre-order walk that skips what is under a folded span. */
function visibleRows(model: Model, folded: Set<string>): Node[] {
  const rows: Node[] = [];
  const stack = [...model.roots].reverse();
  const seen = new Set<Node>();
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    rows.push(node);
    if (!folded.has(node.span.span_id)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return rows;
}

/** Ticks for a ruler of `total` microseconds: a 1-2-5 step giving about six of them. */
function ticks(total: number): number[] {
  const raw = total / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= total + step / 1000; t += step) out.push(t);
  return out;
}

function Ruler(props: { total: number }) {
  return (
    <div class="wf-ruler" aria-hidden="true">
      <div class="wf-label-col" />
      <div class="wf-axis">
        {ticks(props.total).map((t) => (
          <span class="wf-tick" style={{ left: `${(t / props.total) * 100}%` }}>
            {formatNs(Math.round(t * 1000))}
          </span>
        ))}
      </div>
    </div>
  );
}

function Waterfall(props: { model: Model; selected: string | null; onSelect: (id: string) => void }) {
  const { model } = props;
  const [folded, setFolded] = useState<Set<string>>(() => new Set());
  const rows = useMemo(() => visibleRows(model, folded), [model, folded]);
  const body = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  useEffect(() => {
    const el = body.current;
    if (!el) return;
    let frame: number | null = null;
    const read = () => {
      frame = null;
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    const onScroll = () => {
      if (frame === null) frame = requestAnimationFrame(read);
    };
    const resized = new ResizeObserver(read);
    resized.observe(el);
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      el.removeEventListener("scroll", onScroll);
      resized.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, []);

  // The span of the URL: scroll it into view, once (nothing is folded yet).
  const revealed = useRef(false);
  useLayoutEffect(() => {
    const node = props.selected ? model.byId.get(props.selected) : undefined;
    const el = body.current;
    if (revealed.current || !node || !el) return;
    revealed.current = true;
    const index = rows.indexOf(node);
    if (index >= 0) el.scrollTop = Math.max(0, index * ROW_PX - el.clientHeight / 3);
  }, [rows, props.selected]);

  const toggle = (id: string) =>
    setFolded((now) => {
      const next = new Set(now);
      next.has(id) ? next.delete(id) : next.add(id);
      return next;
    });
  const foldAll = () => setFolded(new Set([...model.byId.values()].filter((n) => n.children.length).map((n) => n.span.span_id)));

  const first = Math.max(0, Math.floor(view.top / ROW_PX) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN);
  const shown = rows.slice(first, last);
  return (
    <section class="waterfall" aria-label="Spans of the trace" data-testid="waterfall">
      <div class="log-toolbar">
        <span class="muted" data-testid="wf-count">
          {rows.length.toLocaleString()} of {model.byId.size.toLocaleString()} spans shown
        </span>
        <span class="grow" />
        <button
          type="button"
          class="btn btn-small"
          onClick={() => setFolded(new Set())}
          disabled={folded.size === 0}
          data-testid="wf-expand-all"
        >
          Expand all
        </button>
        <button type="button" class="btn btn-small" onClick={foldAll} data-testid="wf-collapse-all">
          Collapse all
        </button>
      </div>
      <Ruler total={model.total} />
      <div class="wf-body" ref={body} role="tree" aria-label="Spans" data-testid="wf-body">
        <div class="wf-spacer" style={{ height: `${rows.length * ROW_PX}px` }}>
          <div class="wf-window" style={{ transform: `translateY(${first * ROW_PX}px)` }}>
            {shown.map((node) => {
              const s = node.span;
              const id = s.span_id;
              const open = !folded.has(id);
              const error = s.status_code === 2;
              const left = (node.offset / model.total) * 100;
              const width = Math.max(0.2, ((s.duration_ns / 1000) / model.total) * 100);
              const colour = serviceColour(s.service_name);
              return (
                <div
                  key={id}
                  class={`wf-row${id === props.selected ? " selected" : ""}${error ? " wf-error" : ""}`}
                  role="treeitem"
                  aria-level={node.depth + 1}
                  aria-expanded={node.children.length ? open : undefined}
                  aria-selected={id === props.selected}
                  data-testid="span-row"
                  data-span={id}
                  data-depth={node.depth}
                  data-name={s.name}
                >
                  <div class="wf-label-col" style={{ paddingLeft: `${Math.min(node.depth, 30) * 14 + 4}px` }}>
                    {node.children.length > 0 ? (
                      <button
                        type="button"
                        class="wf-fold"
                        aria-label={`${open ? "Collapse" : "Expand"} ${s.name} (${node.descendants} spans under it)`}
                        onClick={() => toggle(id)}
                        data-testid="span-fold"
                      >
                        {open ? "▾" : "▸"}
                      </button>
                    ) : (
                      <span class="wf-fold" aria-hidden="true" />
                    )}
                    <button
                      type="button"
                      class="wf-select"
                      onClick={() => props.onSelect(id)}
                      data-testid="span-select"
                      title={`${s.service_name}: ${s.name}`}
                    >
                      <span class="service-dot" style={{ background: colour }} aria-hidden="true" />
                      <span class="wf-service">{s.service_name}</span>
                      <span class="wf-name" data-testid="span-name">{s.name}</span>
                      {error && (
                        <span class="wf-error-mark" title="error" data-testid="span-error">
                          !
                        </span>
                      )}
                      {!open && <span class="badge">+{node.descendants}</span>}
                    </button>
                  </div>
                  <div class="wf-track" onClick={() => props.onSelect(id)} aria-hidden="true">
                    <span class="wf-bar" style={{ left: `${left}%`, width: `${width}%`, background: colour }} />
                    {/* after the bar: the track leaves room for it on the right */}
                    <span class="wf-duration" style={{ left: `calc(${left + width}% + 0.3rem)` }}>
                      {formatNs(s.duration_ns)}
                    </span>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

function SpanDetails(props: { node: Node; model: Model; base: string; onClose: () => void }) {
  const s = props.node.span;
  const spanStart = micros(s.start_time);
  return (
    <section class="card span-details" aria-labelledby="span-title" data-testid="span-details">
      <div class="card-header spread">
        <h2 id="span-title" class="span-title">
          <span class="service-dot" style={{ background: serviceColour(s.service_name) }} aria-hidden="true" />
          <span data-testid="span-detail-name">{s.name}</span>
        </h2>
        <button type="button" class="btn btn-small" onClick={props.onClose} aria-label="Close the span's details">
          ✕
        </button>
      </div>
      <div class="card-body stack">
        <dl class="facts">
          <dt>Service</dt>
          <dd data-testid="span-service">{s.service_name}</dd>
          <dt>Kind</dt>
          <dd data-testid="span-kind">{KIND[s.kind] ?? s.kind}</dd>
          <dt>Started</dt>
          <dd class="mono">
            {formatTime(s.start_time)} <span class="muted">(+{formatNs(props.node.offset * 1000)})</span>
          </dd>
          <dt>Duration</dt>
          <dd data-testid="span-duration">{formatNs(s.duration_ns)}</dd>
          <dt>Status</dt>
          <dd data-testid="span-status" class={s.status_code === 2 ? "span-status-error" : undefined}>
            {STATUS[s.status_code] ?? s.status_code}
            {s.status_message && <>: {s.status_message}</>}
          </dd>
          <dt>Span id</dt>
          <dd class="mono">{s.span_id}</dd>
          {s.parent_span_id && (
            <>
              <dt>Parent</dt>
              <dd class="mono">
                {props.model.byId.get(s.parent_span_id)?.span.name ?? "(not in this trace)"} · {s.parent_span_id}
              </dd>
            </>
          )}
        </dl>
        <Attributes values={s.attributes} label="Attributes" testid="span-attributes" />
        <Attributes values={s.resource_attributes} label="Resource attributes" testid="span-resource-attributes" />
        <div data-testid="span-events">
          <h4>Events</h4>
          {s.events.length === 0 ? (
            <p class="muted">none</p>
          ) : (
            <ol class="span-events">
              {s.events.map((e) => (
                <li data-testid="span-event">
                  <span class="mono muted">+{formatNs(Math.max(0, micros(e.time) - spanStart) * 1000)}</span> <strong>{e.name}</strong>
                  {Object.keys(e.attributes).length > 0 && <Attributes values={e.attributes} label="Attributes" />}
                </li>
              ))}
            </ol>
          )}
        </div>
        {s.links.length > 0 && (
          <div data-testid="span-links">
            <h4>Links</h4>
            <ul class="plain-list">
              {s.links.map((l) => (
                <li>
                  <a class="mono" href={`${props.base}/-/traces/${l.trace_id}?span=${l.span_id}`}>
                    {l.trace_id} · {l.span_id}
                  </a>
                  {Object.keys(l.attributes).length > 0 && <Attributes values={l.attributes} label="Attributes" />}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

function TraceView(props: { spans: Span[]; traceId: string; selected: string | null; base: string }) {
  const model = useMemo(() => build(props.spans), [props.spans]);
  const root = model.roots[0]!;
  const select = (id: string | undefined) => setQuery({ span: id }, { replace: true });
  const node = props.selected ? model.byId.get(props.selected) : undefined;
  const from = new Date(model.start / 1000 - LOG_MARGIN_MS).toISOString();
  const to = new Date((model.start + model.total) / 1000 + LOG_MARGIN_MS).toISOString();
  const logs = `${props.base}/-/logs?${new URLSearchParams({ range: "custom", from, to, trace: props.traceId })}`;
  return (
    <>
      <div class="spread trace-heading">
        <div>
          <h1 class="trace-title" data-testid="trace-title">
            {root.span.name}
          </h1>
          <p class="muted row">
            <span>
              <span class="service-dot" style={{ background: serviceColour(root.span.service_name) }} aria-hidden="true" />
              {root.span.service_name}
            </span>
            <span>{formatTime(root.span.start_time)}</span>
            <span data-testid="trace-duration">{formatNs(model.total * 1000)}</span>
            <span>
              {model.byId.size.toLocaleString()} span{model.byId.size === 1 ? "" : "s"} · {model.services.length} service
              {model.services.length === 1 ? "" : "s"}
            </span>
            {model.errors > 0 && <span class="badge badge-error">{model.errors} error{model.errors === 1 ? "" : "s"}</span>}
            <span class="mono">{props.traceId}</span>
          </p>
        </div>
        <a class="btn" href={logs} data-testid="trace-logs">
          View logs of this trace
        </a>
      </div>
      <div class="row wf-legend" aria-label="Services">
        {model.services.map((s) => (
          <span class="nowrap">
            <span class="service-dot" style={{ background: serviceColour(s) }} aria-hidden="true" />
            {s}
          </span>
        ))}
      </div>
      <Waterfall model={model} selected={node ? props.selected : null} onSelect={select} />
      {node && <SpanDetails node={node} model={model} base={props.base} onClose={() => select(undefined)} />}
    </>
  );
}

export default function Trace({ params, query }: PageProps) {
  const { project, base } = useProject();
  const traceId = (params.traceId ?? "").toLowerCase();
  const valid = /^[0-9a-f]{32}$/.test(traceId);
  const spans = useLoad(async () => (valid ? getTrace(project.id, traceId) : null), [project.id, traceId]);
  return (
    <div class="stack observe">
      <div class="spread">
        <ObserveNav />
        <a href={`${base}/-/traces`}>← All traces</a>
      </div>
      {!valid ? (
        <Empty title="This is not a trace id.">A trace id is 32 hexadecimal digits.</Empty>
      ) : (
        <Show loaded={spans} label="Loading the trace…">
          {(list) => list && <TraceView spans={list} traceId={traceId} selected={query.get("span")} base={base} />}
        </Show>
      )}
    </div>
  );
}
