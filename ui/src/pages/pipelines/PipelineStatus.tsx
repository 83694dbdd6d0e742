// The state of a pipeline, a step or a commit as an icon with its label, for every page
// that shows one (pipelines, commits, branches, merge requests). The label is text (shown,
// or for screen readers only), so the icon never carries the meaning alone.
import { useLoad } from "../../components";
import { commitStatus } from "./api";
import type { AnyState, CommitStatus } from "./types";

export const STATE_LABEL: Record<AnyState, string> = {
  pending: "Pending",
  running: "Running",
  success: "Passed",
  failed: "Failed",
  cancelled: "Cancelled",
  error: "Invalid pipeline file",
  skipped: "Skipped",
};

// 16×16 marks drawn over a circle: a check, a cross, a clock, a slash, a bang, a dash.
const MARK: Record<AnyState, string> = {
  success: "M4.6 8.3l2.2 2.2 4.6-4.8",
  failed: "M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8",
  pending: "M8 4.6V8l2.4 1.6",
  running: "",
  cancelled: "M5.2 10.8l5.6-5.6",
  error: "M8 4.4v4.4M8 11.2v.4",
  skipped: "M5 8h6",
};

function Icon(props: { state: AnyState }) {
  const { state } = props;
  return (
    <svg class="ci-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.8" fill="none" stroke="currentColor" stroke-width="1.6" />
      {state === "running" ? (
        <path class="ci-spin" d="M8 1.2A6.8 6.8 0 0 1 14.8 8" fill="none" stroke="currentColor" stroke-width="3" />
      ) : (
        <path d={MARK[state]} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
      )}
    </svg>
  );
}

/** A state as an icon and its label (`label`: shown beside it; otherwise for screen readers
 * and as the tooltip). With `href`, a link (to the pipeline). */
export function PipelineStatus(props: { state: AnyState; href?: string; label?: boolean; what?: string; testid?: string }) {
  const text = STATE_LABEL[props.state] ?? props.state;
  const title = props.what ? `${props.what}: ${text.toLowerCase()}` : text;
  const inner = (
    <>
      <Icon state={props.state} />
      <span class={props.label ? "ci-label" : "sr-only"}>{props.label ? text : title}</span>
    </>
  );
  const common = {
    class: `ci-status ci-${props.state}`,
    "data-testid": props.testid ?? "pipeline-status",
    "data-state": props.state,
    title,
  };
  return props.href ? (
    <a {...common} href={props.href}>
      {inner}
    </a>
  ) : (
    <span {...common}>{inner}</span>
  );
}

/** Where a commit's status leads: dais's own pipeline, else the status' target URL. */
function statusHref(base: string, statuses: CommitStatus[]): string | undefined {
  const own = statuses.find((s) => s.pipeline_number !== null);
  if (own) return `${base}/-/pipelines/${own.pipeline_number}`;
  const url = statuses.find((s) => s.target_url)?.target_url;
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

/** A commit's combined status (one request per commit: for lists of 30 or fewer). Nothing
 * while it loads, for a commit without statuses, or when the status cannot be read (it is
 * a decoration of the row; the pipeline pages say what went wrong). */
export function CommitStatusIcon(props: { projectId: string; sha: string; base: string }) {
  const status = useLoad(() => commitStatus(props.projectId, props.sha), [props.projectId, props.sha]);
  const s = status.data;
  if (!s?.state) return null;
  return <PipelineStatus state={s.state} href={statusHref(props.base, s.statuses)} what="Commit status" testid="commit-status" />;
}
