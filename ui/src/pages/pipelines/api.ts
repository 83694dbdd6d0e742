// The build engine's routes (dais/http/builds.py) through the typed client, each answer
// narrowed to types.ts's types (the server declares states as plain strings). A step's log
// is text, not JSON: it is read with fetch, with the same progress bar and ApiError.
import { api, ApiError, must, mustPage, tracked, type Problem } from "../../api/client";
import type {
  Artifact,
  CombinedStatus,
  Pipeline,
  PipelineDetail,
  PipelineIn,
  PipelineState,
  Schedule,
  ScheduleIn,
} from "./types";

const enc = encodeURIComponent;
const pipelinePath = (project: string, number: number) => ({ path: { project, number } });

/** One page of a listing, and whether another follows (from `X-Total-Count`). */
export interface Page<T> {
  items: T[];
  total: number;
  more: boolean;
}

// --- pipelines -------------------------------------------------------------------------

export interface PipelineFilter {
  state?: PipelineState;
  ref?: string;
  sha?: string;
  merge_request?: number;
  page?: number;
  per_page?: number;
}

export async function listPipelines(project: string, f: PipelineFilter): Promise<Page<Pipeline>> {
  const page = f.page ?? 1;
  const perPage = f.per_page ?? 20;
  const got = await mustPage(api.GET("/api/projects/{project}/pipelines", { params: { path: { project }, query: { ...f } } }));
  return { items: got.items as Pipeline[], total: got.total, more: got.total > page * perPage };
}

/** Start pipelines for a ref: one, or one per matrix combination. */
export const runPipeline = async (project: string, body: PipelineIn) =>
  (await must(api.POST("/api/projects/{project}/pipelines", { params: { path: { project } }, body }))) as Pipeline[];

export const getPipeline = async (project: string, number: number) =>
  (await must(api.GET("/api/projects/{project}/pipelines/{number}", { params: pipelinePath(project, number) }))) as PipelineDetail;

export const cancelPipeline = async (project: string, number: number) =>
  (await must(api.POST("/api/projects/{project}/pipelines/{number}/cancel", { params: pipelinePath(project, number) }))) as Pipeline;

export const retryPipeline = async (project: string, number: number) =>
  (await must(api.POST("/api/projects/{project}/pipelines/{number}/retry", { params: pipelinePath(project, number) }))) as PipelineDetail;

export const retryStep = async (project: string, number: number, step: string) =>
  (await must(
    api.POST("/api/projects/{project}/pipelines/{number}/steps/{step}/retry", { params: { path: { project, number, step } } }),
  )) as PipelineDetail;

/** A merge request's pipelines (those of its source branch), newest first. */
export const mergeRequestPipelines = async (project: string, iid: number) =>
  (await must(
    api.GET("/api/projects/{project}/merge-requests/{iid}/pipelines", {
      params: { path: { project, iid }, query: { per_page: 50 } },
    }),
  )) as Pipeline[];

export const listArtifacts = async (project: string, number: number): Promise<Artifact[]> =>
  must(api.GET("/api/projects/{project}/pipelines/{number}/artifacts", { params: pipelinePath(project, number) }));

// --- logs ------------------------------------------------------------------------------

/** A step's full log (text/plain); `?download=1` for an attachment. */
export const logUrl = (project: string, number: number, step: string) =>
  `/api/projects/${enc(project)}/pipelines/${number}/steps/${enc(step)}/log`;

/** A step's live log (text/event-stream); `after`: the last line already shown. */
export const logStreamUrl = (project: string, number: number, step: string, after = 0) =>
  `${logUrl(project, number, step)}/stream${after > 0 ? `?after=${after}` : ""}`;

/** A step's whole log as text (`tail`: only its last lines). */
export async function getLog(project: string, number: number, step: string, tail?: number): Promise<string> {
  const url = `${logUrl(project, number, step)}${tail ? `?tail=${tail}` : ""}`;
  let response: Response;
  try {
    response = await tracked(fetch(url, { credentials: "same-origin", headers: { Accept: "text/plain" } }));
  } catch (e) {
    throw new ApiError(0, { detail: `could not reach dais: ${(e as Error).message}` });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const problem: Problem = body && typeof body === "object" ? body : { status: response.status, detail: `the server answered ${response.status}` };
    throw new ApiError(response.status, problem);
  }
  return response.text();
}

// --- commit statuses -------------------------------------------------------------------

export const commitStatus = async (project: string, sha: string) =>
  (await must(
    api.GET("/api/projects/{project}/repository/commits/{sha}/status", { params: { path: { project, sha } } }),
  )) as CombinedStatus;

// --- schedules -------------------------------------------------------------------------

export const listSchedules = async (project: string): Promise<Schedule[]> =>
  must(api.GET("/api/projects/{project}/pipeline-schedules", { params: { path: { project } } }));

export const createSchedule = async (project: string, body: ScheduleIn): Promise<Schedule> =>
  must(api.POST("/api/projects/{project}/pipeline-schedules", { params: { path: { project } }, body }));

export const deleteSchedule = async (project: string, id: string) =>
  must(api.DELETE("/api/projects/{project}/pipeline-schedules/{schedule}", { params: { path: { project, schedule: Number(id) } } }));

// --- the project setting ----------------------------------------------------------------

export const setPipelineMustSucceed = async (project: string, value: boolean) =>
  must(api.PATCH("/api/projects/{project}", { params: { path: { project } }, body: { pipeline_must_succeed: value } }));
