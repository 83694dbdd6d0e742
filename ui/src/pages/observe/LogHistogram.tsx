// How many log records match, over the time range: stacked bars by level (the severity
// colours of the records below), above the listing as Grafana Explore and Kibana Discover
// show it. A click on a bar, or a drag over several, zooms the range to them (the URL's
// custom range, as the range picker sets it). Each bar has a title (its slice and counts);
// for screen readers the chart is a group named by its summary ("N records, peak M at T"),
// and each non-empty bar a button named by its counts, which Enter zooms to.
import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorBox, useLoad } from "../../components";
import { logHistogram, type LogFilter } from "./api";
import { formatValue, timeLabel, timeTicks, valueTicks } from "./LineChart";
import { formatTime, setQuery } from "./shared";
import type { HistogramLevel, LogHistogram as Histogram } from "./types";

/** Bottom to top: the most severe on top, where the eye lands. */
const STACK: HistogramLevel[] = ["unspecified", "trace", "debug", "info", "warn", "error", "fatal"];
const BUCKETS = 60;
const HEIGHT = 120;
const M = { top: 8, right: 16, bottom: 22, left: 48 };

interface Bar {
  start: number;
  end: number;
  total: number;
  counts: Histogram["buckets"][number]["counts"];
}

function barsOf(h: Histogram): Bar[] {
  const end = Date.parse(h.end);
  return h.buckets.map((b, i) => {
    const next = h.buckets[i + 1];
    const total = STACK.reduce((sum, level) => sum + (b.counts[level] ?? 0), 0);
    return { start: Date.parse(b.start), end: next ? Date.parse(next.start) : end, total, counts: b.counts };
  });
}

/** "info 3, warn 1": the levels a bar holds. */
const countsText = (b: Bar) =>
  STACK.filter((l) => (b.counts[l] ?? 0) > 0)
    .map((l) => `${l} ${b.counts[l].toLocaleString()}`)
    .join(", ");

const sliceText = (b: Bar) => `${formatTime(new Date(b.start).toISOString())} to ${formatTime(new Date(b.end).toISOString())}`;

/** Zoom the page's range to [from, to) of the bars. */
function zoom(from: Bar, to: Bar) {
  setQuery({ range: "custom", from: new Date(from.start).toISOString(), to: new Date(to.end).toISOString() });
}

export function LogHistogram(props: { projectId: string; filter: Omit<LogFilter, "before" | "limit">; reloadKey: string }) {
  const loaded = useLoad(
    () => logHistogram(props.projectId, { ...props.filter, buckets: BUCKETS }),
    [props.projectId, props.reloadKey],
  );
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!loaded.data) return <div class="log-histogram log-histogram-loading" aria-hidden="true" />;
  return <Chart histogram={loaded.data} />;
}

function Chart(props: { histogram: Histogram }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  /** the bars a drag has covered so far: [where it started, where the pointer is] */
  const [drag, setDrag] = useState<[number, number] | null>(null);
  const dragRef = useRef<[number, number] | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const resized = new ResizeObserver(() => setWidth(Math.max(320, el.clientWidth)));
    resized.observe(el);
    return () => resized.disconnect();
  }, []);

  const bars = barsOf(props.histogram);
  /** The drag ends on a bar (`last`) or anywhere else (the bar it last crossed). */
  const finish = (last?: number) => {
    const d = dragRef.current;
    dragRef.current = null;
    setDrag(null);
    if (!d) return;
    const to = last ?? d[1];
    const [a, b] = d[0] <= to ? [d[0], to] : [to, d[0]];
    zoom(bars[a]!, bars[b]!);
  };

  const start = Date.parse(props.histogram.start);
  const end = Date.parse(props.histogram.end);
  const total = bars.reduce((s, b) => s + b.total, 0);
  const peak = bars.reduce<Bar | null>((p, b) => (b.total > (p?.total ?? 0) ? b : p), null);
  const summary =
    total === 0
      ? "No records in this range."
      : `${total.toLocaleString()} record${total === 1 ? "" : "s"}, peak ${peak!.total.toLocaleString()} at ${formatTime(new Date(peak!.start).toISOString())}`;

  const plotW = width - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const yTicks = valueTicks(0, Math.max(1, peak?.total ?? 1), 2).filter((v) => Number.isInteger(v));
  const top = yTicks[yTicks.length - 1] ?? 1;
  const x = (t: number) => M.left + ((t - start) / Math.max(1, end - start)) * plotW;
  const y = (v: number) => M.top + (1 - v / top) * plotH;
  const xTicks = timeTicks(start, end);
  const chosen = drag ? [Math.min(...drag), Math.max(...drag)] : null;

  return (
    <figure class="log-histogram" data-testid="log-histogram">
      <figcaption class="muted log-histogram-summary" id="log-histogram-summary" data-testid="log-histogram-summary">
        {summary}
        {total > 0 && <span class="log-histogram-hint"> · click or drag over bars to zoom in</span>}
      </figcaption>
      <div class="chart-plot" ref={box}>
        <svg width={width} height={HEIGHT} role="group" aria-labelledby="log-histogram-summary" data-testid="log-histogram-svg">
          <g class="chart-grid" aria-hidden="true">
            {yTicks.map((v) => (
              <g>
                <line x1={M.left} x2={width - M.right} y1={y(v)} y2={y(v)} />
                <text x={M.left - 6} y={y(v)} text-anchor="end" dominant-baseline="middle">
                  {formatValue(v)}
                </text>
              </g>
            ))}
            {xTicks.at.map((t) => (
              <text x={x(t)} y={HEIGHT - M.bottom + 15} text-anchor="middle" data-testid="log-histogram-tick">
                {timeLabel(t, xTicks.step)}
              </text>
            ))}
          </g>
          {bars.map((b, i) => {
            const x0 = x(b.start);
            const w = Math.max(1, x(Math.min(b.end, end)) - x0);
            const gap = w > 4 ? 1 : 0;
            let stacked = 0;
            const label = b.total
              ? `${sliceText(b)}: ${b.total.toLocaleString()} record${b.total === 1 ? "" : "s"} (${countsText(b)})`
              : `${sliceText(b)}: no records`;
            return (
              <g
                class={`log-histogram-bar${chosen && i >= chosen[0]! && i <= chosen[1]! ? " chosen" : ""}`}
                data-testid="log-histogram-bar"
                data-start={new Date(b.start).toISOString()}
                data-total={b.total}
                role={b.total ? "button" : undefined}
                tabIndex={b.total ? 0 : undefined}
                aria-label={b.total ? `${label}. Zoom to this slice` : undefined}
                onPointerDown={(e) => {
                  if (e.button !== 0) return;
                  e.preventDefault();
                  dragRef.current = [i, i];
                  setDrag([i, i]);
                  window.addEventListener("pointerup", () => finish(), { once: true });
                }}
                onPointerEnter={() => {
                  if (!dragRef.current) return;
                  dragRef.current = [dragRef.current[0], i];
                  setDrag(dragRef.current);
                }}
                onPointerUp={() => finish(i)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    zoom(b, b);
                  }
                }}
              >
                <title>{label}</title>
                <rect class="log-histogram-hit" x={x0} y={M.top} width={w} height={plotH} />
                {STACK.map((level) => {
                  const n = b.counts[level] ?? 0;
                  if (!n) return null;
                  const y1 = y(stacked);
                  stacked += n;
                  return (
                    <rect
                      class={`hist-${level}`}
                      x={x0 + gap / 2}
                      width={w - gap}
                      y={y(stacked)}
                      height={Math.max(0, y1 - y(stacked))}
                      data-level={level}
                      data-count={n}
                    />
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
