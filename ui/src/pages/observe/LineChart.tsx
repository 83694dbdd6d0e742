// A line chart in SVG, drawn here rather than by a charting library: axes with round ticks
// (1-2-5 values, whole time steps), a line per series (broken where points are missing), a
// legend of the series' labels, and a tooltip with the time and every series' value at
// the step under the pointer. The width follows the container (a ResizeObserver); the
// pointer is read once per animation frame.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { formatTime } from "./shared";

export interface ChartSeries {
  label: string;
  /** [milliseconds since the epoch, value]: by time; NaN draws nothing */
  points: [number, number][];
}

const DEFAULT_HEIGHT = 280;
const M = { top: 12, right: 16, bottom: 28, left: 64 };
/** Colours that stay apart on both themes' backgrounds. */
export const SERIES_COLOURS = ["#4f7bd9", "#d9822b", "#2f9e6e", "#d14d72", "#a35bd6", "#2aa3b8", "#8f9a2b", "#c2563a", "#5a6ee0", "#b0882a"];

/** About `count` round values (a 1-2-5 step) from a step at or below `min` to one at or
 * above `max`: the axis' ticks and its bounds. */
export function valueTicks(min: number, max: number, count = 5): number[] {
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  const last = Math.ceil(max / step - 1e-9);
  for (let k = Math.floor(min / step + 1e-9); k <= last; k++) out.push(k * step);
  return out;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const TIME_STEPS = [1, 2, 5, 10, 15, 30].map((s) => s * SECOND)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * MINUTE))
  .concat([1, 2, 3, 6, 12, 24, 48].map((h) => h * HOUR));

/** Whole-step instants in [start, end], about six of them (local midnight-aligned for days). */
export function timeTicks(start: number, end: number): { at: number[]; step: number } {
  const step = TIME_STEPS.find((s) => s >= (end - start) / 6) ?? 7 * 24 * HOUR;
  const offset = new Date(start).getTimezoneOffset() * MINUTE;
  const at: number[] = [];
  for (let t = Math.ceil((start - offset) / step) * step + offset; t <= end; t += step) at.push(t);
  return { at, step };
}

const pad = (n: number) => String(n).padStart(2, "0");
export function timeLabel(t: number, step: number): string {
  const d = new Date(t);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (step < MINUTE) return `${hm}:${pad(d.getSeconds())}`;
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (step >= 24 * HOUR) return day;
  if (d.getHours() === 0 && d.getMinutes() === 0) return `${day} ${hm}`;
  return hm;
}

/** A value in few characters: 1.5, 0.0012, 12.3k, 4.5M. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "+Inf" : "-Inf";
  const a = Math.abs(v);
  for (const [size, unit] of [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "k"]] as const)
    if (a >= size) return `${Number((v / size).toPrecision(3))}${unit}`;
  return String(Number(v.toPrecision(4)));
}

export function LineChart(props: {
  series: ChartSeries[];
  start: number;
  end: number;
  step: number;
  title: string;
  /** the SVG's height in pixels (default 280) */
  height?: number;
}) {
  const HEIGHT = props.height ?? DEFAULT_HEIGHT;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const resized = new ResizeObserver(() => setWidth(Math.max(320, el.clientWidth)));
    resized.observe(el);
    return () => resized.disconnect();
  }, []);

  const { start, end } = props;
  const plotW = width - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const geometry = useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const s of props.series)
      for (const [, v] of s.points)
        if (Number.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
    if (min === Infinity) [min, max] = [0, 1];
    if (min === max) [min, max] = [min - Math.max(1, Math.abs(min) * 0.1), max + Math.max(1, Math.abs(max) * 0.1)];
    const yTicks = valueTicks(min, max);
    const lo = yTicks[0]!;
    const hi = yTicks[yTicks.length - 1]!;
    const x = (t: number) => M.left + ((t - start) / Math.max(1, end - start)) * plotW;
    const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * plotH;
    // A gap of more than 1.5 steps breaks the line: Prometheus leaves missing steps out.
    const paths = props.series.map((s) => {
      let d = "";
      let last: number | null = null;
      for (const [t, v] of s.points) {
        if (!Number.isFinite(v)) {
          last = null;
          continue;
        }
        const move = last === null || t - last > props.step * 1.5;
        d += `${move ? "M" : "L"}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
        last = t;
      }
      return d;
    });
    const times = [...new Set(props.series.flatMap((s) => s.points.map(([t]) => t)))].sort((a, b) => a - b);
    const byTime = props.series.map((s) => new Map(s.points));
    return { yTicks, x, y, paths, times, byTime };
  }, [props.series, start, end, plotW, plotH, props.step]);

  const xTicks = timeTicks(start, end);
  const frame = useRef<number | null>(null);
  const onMove = (e: MouseEvent) => {
    const rect = (e.currentTarget as SVGRectElement).getBoundingClientRect();
    const t = start + ((e.clientX - rect.left) / rect.width) * (end - start);
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const { times } = geometry;
      if (!times.length) return setHover(null);
      // the nearest step with a point (binary search: times are sorted)
      let lo = 0;
      let hi = times.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (times[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      const before = times[lo - 1];
      setHover(before !== undefined && t - before < times[lo]! - t ? before : times[lo]!);
    });
  };
  useEffect(() => () => void (frame.current !== null && cancelAnimationFrame(frame.current)), []);

  const colour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  const hx = hover === null ? 0 : geometry.x(hover);
  return (
    <figure class="chart" data-testid="chart">
      <div class="chart-plot" ref={box}>
        <svg width={width} height={HEIGHT} role="img" aria-label={props.title} data-testid="chart-svg">
          <g class="chart-grid">
            {geometry.yTicks.map((v) => (
              <g>
                <line x1={M.left} x2={width - M.right} y1={geometry.y(v)} y2={geometry.y(v)} />
                <text x={M.left - 6} y={geometry.y(v)} text-anchor="end" dominant-baseline="middle" data-testid="y-tick">
                  {formatValue(v)}
                </text>
              </g>
            ))}
            {xTicks.at.map((t) => (
              <g>
                <line x1={geometry.x(t)} x2={geometry.x(t)} y1={M.top} y2={HEIGHT - M.bottom} />
                <text x={geometry.x(t)} y={HEIGHT - M.bottom + 16} text-anchor="middle" data-testid="x-tick">
                  {timeLabel(t, xTicks.step)}
                </text>
              </g>
            ))}
          </g>
          <rect class="chart-frame" x={M.left} y={M.top} width={plotW} height={plotH} />
          {geometry.paths.map((d, i) => (
            <path d={d} class="chart-line" stroke={colour(i)} data-testid="chart-line" data-series={props.series[i]!.label} />
          ))}
          {hover !== null && (
            <g class="chart-hover">
              <line x1={hx} x2={hx} y1={M.top} y2={HEIGHT - M.bottom} />
              {geometry.byTime.map((m, i) => {
                const v = m.get(hover);
                return v !== undefined && Number.isFinite(v) ? <circle cx={hx} cy={geometry.y(v)} r={3.5} fill={colour(i)} /> : null;
              })}
            </g>
          )}
          <rect
            class="chart-overlay"
            x={M.left}
            y={M.top}
            width={plotW}
            height={plotH}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
            data-testid="chart-overlay"
          />
        </svg>
        {hover !== null && (
          <div
            class="chart-tooltip"
            role="status"
            data-testid="chart-tooltip"
            style={hx > width / 2 ? { right: `${width - hx + 10}px` } : { left: `${hx + 10}px` }}
          >
            <div class="mono">{formatTime(new Date(hover).toISOString())}</div>
            <table>
              <tbody>
                {props.series.map((s, i) => {
                  const v = geometry.byTime[i]!.get(hover);
                  return v === undefined ? null : (
                    <tr>
                      <td>
                        <span class="chart-swatch" style={{ background: colour(i) }} />
                      </td>
                      <td class="chart-tooltip-label">{s.label}</td>
                      <td class="right mono">{formatValue(v)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <figcaption>
        <ul class="chart-legend" data-testid="chart-legend" aria-label="Series">
          {props.series.map((s, i) => (
            <li data-testid="legend-item">
              <span class="chart-swatch" style={{ background: colour(i) }} aria-hidden="true" />
              <span class="mono">{s.label}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
