// The build engine's API as the UI sees it, from the OpenAPI document (schema.d.ts, made by
// `make api-client` from dais/http/builds.py). By route rather than by schema name, as
// client.ts explains: Litestar already renamed this module's UserOut to http_builds_UserOut.
//
// The server declares states, events and executors as plain strings; the values they take
// are its enums' (dais/actors/builds/messages.py), narrowed here so that the pages' tables
// of labels and icons stay exhaustive. Where the document has the enum itself, it is used.
import type { BodyOf, Of } from "../../api/client";
import type { components } from "../../api/schema";

type Schemas = components["schemas"];
/** `T` with the fields of `N` in place of its own. */
type With<T, N> = Omit<T, keyof N> & N;

/** What a pipeline is doing or how it ended; "error": its pipeline file is invalid. */
export type PipelineState = Schemas["PipelineState"];
/** A step's state (builds.messages.StepState): a step skipped because what it needs failed
 * is "skipped". */
export type StepState = "pending" | "running" | "success" | "failed" | "cancelled" | "skipped";
/** A commit status' state (no "error": an external status reports "failed"). */
export type CommitState = Schemas["CommitState"];
/** Every state an icon may show. */
export type AnyState = PipelineState | StepState;

export type PipelineEvent = "push" | "merge_request" | "tag" | "manual" | "schedule";
export type Executor = "local" | "kubernetes";

type Narrowed = { state: PipelineState; event: PipelineEvent; executor: Executor };

/** A pipeline as listed. `ref` is the full ref ("refs/heads/main"), `label` the matrix
 * combination ("" outside a matrix), `error` why its pipeline file is invalid (a problem a
 * line, with its line and column); `cancel_requested` until its steps have stopped. */
export type Pipeline = With<Of<"/api/projects/{project}/pipelines", "get">[number], Narrowed>;

type StepOut = Of<"/api/projects/{project}/pipelines/{number}", "get">["steps"][number];
/** A step: `stage` is its column in the graph (from 0), `position` its order there,
 * `timeout_seconds` null when it sets none (the server's default applies), `artifacts` the
 * patterns it keeps. */
export type Step = With<StepOut, { state: StepState }>;

export type PipelineDetail = With<Of<"/api/projects/{project}/pipelines/{number}", "get">, Narrowed & { steps: Step[] }>;

/** POST /api/projects/{p}/pipelines: `ref` a branch or tag name. */
export type PipelineIn = BodyOf<"/api/projects/{project}/pipelines", "post">;

export type Artifact = Of<"/api/projects/{project}/pipelines/{number}/artifacts", "get">[number];

/** `event: end` of a log stream (its `state` is the step's final one). */
export interface LogEnd {
  state: StepState;
  exit_code: number | null;
}

/** `event: state` of a log stream: a step not started yet changing state (a retried step's
 * also names its attempt). */
export interface LogState {
  state: StepState;
  attempt?: number;
}

export type CommitStatus = With<
  Of<"/api/projects/{project}/repository/commits/{sha}/statuses", "get">[number],
  { state: CommitState }
>;

/** GET .../repository/commits/{sha}/status: `state` null when the commit has no status. */
export type CombinedStatus = With<
  Of<"/api/projects/{project}/repository/commits/{sha}/status", "get">,
  { state: CommitState | null; statuses: CommitStatus[] }
>;

/** A schedule; `next_run_at` is null for one that will not run again. */
export type Schedule = Of<"/api/projects/{project}/pipeline-schedules", "get">[number];

/** POST /api/projects/{p}/pipeline-schedules */
export type ScheduleIn = BodyOf<"/api/projects/{project}/pipeline-schedules", "post">;

type MergeRequestOut = Of<"/api/projects/{project}/merge-requests/{iid}", "get">;
/** What a merge request's JSON says of its latest pipeline (for its source head). */
export type MergeRequestPipeline = With<NonNullable<MergeRequestOut["pipeline"]>, { state: PipelineState }>;

/** The blocker a merge request gets when the project requires a successful pipeline
 * (among `blockers` of the merge request's JSON). */
export const PIPELINE_BLOCKER = "pipeline_not_successful";

export const isLive = (state: AnyState) => state === "pending" || state === "running";
