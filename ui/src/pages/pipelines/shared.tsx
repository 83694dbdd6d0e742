// What the pipeline pages share: the rows of a pipeline list, the ref and commit of a
// pipeline, durations and sizes in words, and the variables editor of the run and schedule
// forms.
import { useEffect, useState } from "preact/hooks";
import { Time } from "../../components";
import { PipelineStatus } from "./PipelineStatus";
import type { Pipeline, Step } from "./types";

/** How often a page is read again while a pipeline on it is pending or running. */
export const POLL_MS = 3000;

/** Read `loaded` again every POLL_MS while `live`. The data stays on screen meanwhile
 * (useLoad keeps it while reloading), so what is shown updates in place, without flicker. */
export function usePoll(loaded: { loading: boolean; reload: () => void; data: unknown }, live: boolean) {
  useEffect(() => {
    if (!live || loaded.loading) return;
    const timer = setTimeout(loaded.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [live, loaded.loading, loaded.data]);
}

/** Seconds as "4s", "2m 05s", "1h 02m". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "";
  if (seconds < 10) return `${Math.round(seconds * 10) / 10}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

/** How long something took, or has been running so far. */
export function durationOf(x: Pick<Pipeline | Step, "duration_seconds" | "started_at" | "finished_at">): number | null {
  if (x.duration_seconds !== null) return x.duration_seconds;
  if (x.started_at && !x.finished_at) return Math.max(0, (Date.now() - new Date(x.started_at).getTime()) / 1000);
  return null;
}

/** Bytes as "512 B", "1.2 KiB", "3.4 MiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

// Small marks drawn in SVG (an emoji or a rare glyph may be missing from the fonts).
const BranchIcon = () => (
  <svg class="ref-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
    <path d="M5 3v10M5 9c0-2.5 6-2 6-5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    <circle cx="5" cy="3" r="1.6" fill="currentColor" />
    <circle cx="5" cy="13" r="1.6" fill="currentColor" />
    <circle cx="11" cy="3.5" r="1.6" fill="currentColor" />
  </svg>
);
const TagIcon = () => (
  <svg class="ref-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
    <path d="M2 2h6l6 6-6 6-6-6z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
    <circle cx="5.5" cy="5.5" r="1.3" fill="currentColor" />
  </svg>
);

/** The branch or tag a pipeline ran for, as a badge linking to its files. */
export function RefBadge(props: { pipeline: Pick<Pipeline, "ref" | "branch" | "tag">; base: string }) {
  const { branch, tag, ref } = props.pipeline;
  const name = branch ?? tag ?? ref;
  return (
    <a
      class={`badge ref-badge ${tag ? "ref-tag" : "ref-branch"}`}
      href={`${props.base}/-/tree?ref=${encodeURIComponent(name)}`}
      title={tag ? `tag ${tag}` : branch ? `branch ${branch}` : ref}
      data-testid="pipeline-ref"
    >
      {tag ? <TagIcon /> : <BranchIcon />} {name}
    </a>
  );
}

/** A commit's short sha, linking to the commit page. */
export const ShortSha = (props: { sha: string; base: string }) => (
  <a class="commit-sha" href={`${props.base}/-/commit/${props.sha}`} title={props.sha} data-testid="pipeline-sha">
    {props.sha.slice(0, 8)}
  </a>
);

const EVENT: Record<Pipeline["event"], string> = {
  push: "push",
  merge_request: "merge request",
  tag: "tag",
  manual: "run by hand",
  schedule: "schedule",
};

/** What started a pipeline, linked to its merge request or to the schedules. */
export function EventText(props: { pipeline: Pipeline; base: string }) {
  const p = props.pipeline;
  if (p.event === "merge_request" && p.merge_request_iid !== null)
    return <a href={`${props.base}/-/merge_requests/${p.merge_request_iid}`}>merge request !{p.merge_request_iid}</a>;
  if (p.event === "schedule") return <a href={`${props.base}/-/pipelines/schedules`}>schedule</a>;
  return <>{EVENT[p.event] ?? p.event}</>;
}

/** Pipelines as list rows: state, number, ref, commit, event, matrix label, who, when. */
export function PipelineRows(props: { pipelines: Pipeline[]; base: string; testid?: string }) {
  const { base } = props;
  return (
    <ul class="list pipeline-list" data-testid={props.testid ?? "pipelines"}>
      {props.pipelines.map((p) => {
        const href = `${base}/-/pipelines/${p.number}`;
        const took = formatDuration(durationOf(p));
        return (
          <li key={p.id} data-testid="pipeline-row" data-number={p.number} data-state={p.state}>
            <PipelineStatus state={p.state} href={href} label what={`Pipeline #${p.number}`} />
            <div class="list-main">
              <div class="row">
                <a class="list-title" href={href}>
                  #{p.number}
                </a>
                <span class="pipeline-title">{p.title || "(no message)"}</span>
                {p.label && <span class="badge matrix-label" title="Matrix combination">{p.label}</span>}
                {p.cancel_requested && p.state !== "cancelled" && <span class="badge badge-warning">cancelling</span>}
              </div>
              <div class="muted row">
                <RefBadge pipeline={p} base={base} />
                <ShortSha sha={p.sha} base={base} />
                <span>
                  <EventText pipeline={p} base={base} />
                  {p.created_by && <> by {p.created_by.username}</>}
                </span>
              </div>
            </div>
            <div class="pipeline-when muted">
              <Time at={p.created_at} />
              {took && (
                <span class="nowrap" title="Duration">
                  took {took}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** Same rule as secret names: an environment variable name. */
const NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";

/** Key/value rows for variables (inputs `var_name`, `var_value`, read by variablesOf). */
export function VariableRows(props: { initial?: Record<string, string> }) {
  const [rows, setRows] = useState(() => {
    const start: [string, string][] = Object.entries(props.initial ?? {});
    return (start.length ? start : [["", ""] as [string, string]]).map(([name, value], id) => ({ id, name, value }));
  });
  const [next, setNext] = useState(rows.length);
  // Controlled: Preact writes `value` back to the input on every render.
  const set = (id: number, change: Partial<{ name: string; value: string }>) =>
    setRows((now) => now.map((x) => (x.id === id ? { ...x, ...change } : x)));
  return (
    <fieldset class="variables" data-testid="variables">
      <legend>Variables</legend>
      {rows.map((r, i) => (
        <div class="variable-row" key={r.id}>
          <input
            name="var_name"
            value={r.name}
            onInput={(e) => set(r.id, { name: e.currentTarget.value })}
            placeholder="NAME"
            pattern={NAME_PATTERN}
            maxLength={128}
            autocomplete="off"
            spellcheck={false}
            aria-label={`Variable ${i + 1} name`}
          />
          <input
            name="var_value"
            value={r.value}
            onInput={(e) => set(r.id, { value: e.currentTarget.value })}
            placeholder="value" autocomplete="off" spellcheck={false} aria-label={`Variable ${i + 1} value`} />
          <button
            type="button"
            class="btn btn-small"
            aria-label={`Remove variable ${i + 1}`}
            onClick={() => setRows(rows.filter((x) => x.id !== r.id))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        class="btn btn-small"
        onClick={() => {
          setRows([...rows, { id: next, name: "", value: "" }]);
          setNext(next + 1);
        }}
      >
        Add variable
      </button>
    </fieldset>
  );
}

/** The variables of a form with VariableRows (rows without a name are left out). */
export function variablesOf(data: FormData): Record<string, string> {
  const names = data.getAll("var_name").map((v) => String(v).trim());
  const values = data.getAll("var_value").map(String);
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    if (!name) return;
    if (name in out) throw new Error(`The variable ${name} is set twice.`);
    out[name] = values[i] ?? "";
  });
  return out;
}
