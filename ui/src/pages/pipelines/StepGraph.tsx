// A pipeline's steps as a graph: one column per stage, the steps of a stage by position,
// a curve from each step to each step that needs it (an SVG under the boxes, drawn from
// where the boxes are laid out), and "needs: a, b" in words under each step.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { PipelineStatus } from "./PipelineStatus";
import { durationOf, formatDuration } from "./shared";
import type { Step } from "./types";

interface Edge {
  key: string;
  d: string;
  active: boolean;
}

/** The steps by stage: [stage, steps by position][], stages ascending. */
export function byStage(steps: Step[]): [number, Step[]][] {
  const stages = new Map<number, Step[]>();
  for (const s of steps) stages.set(s.stage, [...(stages.get(s.stage) ?? []), s]);
  return [...stages.entries()]
    .sort(([a], [b]) => a - b)
    .map(([stage, list]) => [stage, list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))]);
}

export function StepGraph(props: {
  steps: Step[];
  selected: string | null;
  onSelect: (name: string) => void;
  /** retry a finished failed or cancelled step; absent when the caller may not */
  onRetry?: (name: string) => void;
  retrying?: string | null;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<{ width: number; height: number; list: Edge[] }>({ width: 0, height: 0, list: [] });
  const stages = byStage(props.steps);

  // Measure where the boxes are after each render (a state change may resize one); only a
  // change of the drawing sets state, so this settles after one extra render at most.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const measure = () => {
      const origin = el.getBoundingClientRect();
      const boxes = new Map<string, DOMRect>();
      el.querySelectorAll<HTMLElement>("[data-step]").forEach((b) => boxes.set(b.dataset.step!, b.getBoundingClientRect()));
      const list: Edge[] = [];
      for (const s of props.steps) {
        const to = boxes.get(s.name);
        for (const need of s.depends_on) {
          const from = boxes.get(need);
          if (!from || !to) continue;
          const x1 = from.right - origin.left + el.scrollLeft;
          const y1 = from.top + from.height / 2 - origin.top;
          const x2 = to.left - origin.left + el.scrollLeft;
          const y2 = to.top + to.height / 2 - origin.top;
          const mid = (x1 + x2) / 2;
          list.push({
            key: `${need}->${s.name}`,
            d: `M${x1.toFixed(1)},${y1.toFixed(1)} C${mid.toFixed(1)},${y1.toFixed(1)} ${mid.toFixed(1)},${y2.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
            active: props.selected === s.name || props.selected === need,
          });
        }
      }
      const next = { width: el.scrollWidth, height: el.scrollHeight, list };
      setEdges((now) => (JSON.stringify(now) === JSON.stringify(next) ? now : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  });

  return (
    <div class="step-graph" ref={root} data-testid="step-graph">
      <svg class="step-edges" width={edges.width} height={edges.height} aria-hidden="true" focusable="false">
        {edges.list.map((e) => (
          <path key={e.key} d={e.d} class={e.active ? "active" : undefined} />
        ))}
      </svg>
      {stages.map(([stage, list]) => (
        <div class="step-stage" role="group" aria-label={`Stage ${stage + 1}`} data-testid="step-stage" data-stage={stage}>
          <div class="step-stage-title">Stage {stage + 1}</div>
          {list.map((s) => {
            const took = formatDuration(durationOf(s));
            const retryable = props.onRetry && (s.state === "failed" || s.state === "cancelled");
            return (
              <div
                key={s.name}
                class={props.selected === s.name ? "step selected" : "step"}
                data-testid="step"
                data-step={s.name}
                data-state={s.state}
              >
                <button
                  type="button"
                  class="step-select"
                  aria-pressed={props.selected === s.name}
                  aria-label={`${s.name}: ${s.state}${took ? `, ${took}` : ""}. Show its log`}
                  onClick={() => props.onSelect(s.name)}
                >
                  <PipelineStatus state={s.state} what={s.name} testid="step-status" />
                  <span class="step-name">{s.name}</span>
                  {took && <span class="step-duration muted">{took}</span>}
                </button>
                {retryable && (
                  <button
                    type="button"
                    class="btn btn-small step-retry"
                    aria-label={`Retry ${s.name}`}
                    title={`Retry ${s.name} and the steps that need it`}
                    disabled={props.retrying === s.name}
                    onClick={() => props.onRetry!(s.name)}
                    data-testid="step-retry"
                  >
                    <span aria-hidden="true">↻</span>
                  </button>
                )}
                {(s.depends_on.length > 0 || s.allow_failure || s.attempt > 1) && (
                  <div class="step-meta muted">
                    {s.depends_on.length > 0 && <span data-testid="step-needs">needs: {s.depends_on.join(", ")}</span>}
                    {s.allow_failure && <span class="badge">may fail</span>}
                    {s.attempt > 1 && <span title="Attempt">attempt {s.attempt}</span>}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
