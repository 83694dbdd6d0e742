// What the merge request page shows of pipelines: the latest one for its source head (the
// `pipeline` field the merge request JSON gains), why it blocks the merge, and the list of
// all its pipelines (a tab of its own).
import { Empty, Show, useLoad } from "../../components";
import { mergeRequestPipelines } from "./api";
import { PipelineStatus } from "./PipelineStatus";
import { PipelineRows, usePoll } from "./shared";
import { isLive, PIPELINE_BLOCKER, type MergeRequestPipeline } from "./types";

/** The merge request's latest pipeline (null: none ran for its source head). */
export const pipelineOf = (mr: { pipeline: { number: number; state: string } | null }) =>
  mr.pipeline as MergeRequestPipeline | null;

/** The side panel's entry: the latest pipeline's state, linking to it. */
export function LatestPipeline(props: { pipeline: MergeRequestPipeline | null; base: string }) {
  const p = props.pipeline;
  return (
    <div data-testid="mr-pipeline">
      <div class="field-label">Pipeline</div>
      {p ? (
        <a class="row" href={`${props.base}/-/pipelines/${p.number}`}>
          #{p.number} <PipelineStatus state={p.state} label />
        </a>
      ) : (
        <span class="muted">none for the latest commit</span>
      )}
    </div>
  );
}

const OUTCOME: Record<MergeRequestPipeline["state"], string> = {
  pending: "is still pending",
  running: "is still running",
  success: "passed, but not for the latest commit",
  failed: "failed",
  cancelled: "was cancelled",
  error: "could not run: its pipeline file is invalid",
};

/** A blocker in words where dais has words for it; others as their code. */
export function blockerText(blocker: string, pipeline: MergeRequestPipeline | null): string {
  if (blocker !== PIPELINE_BLOCKER) return blocker;
  const why = pipeline ? `pipeline #${pipeline.number} ${OUTCOME[pipeline.state] ?? pipeline.state}` : "no pipeline has run for the latest commit";
  return `Pipelines must succeed in this project: ${why}.`;
}

/** The merge request's pipelines, newest first; read again while one runs. */
export function MergeRequestPipelines(props: { projectId: string; iid: number; base: string }) {
  const pipelines = useLoad(() => mergeRequestPipelines(props.projectId, props.iid), [props.projectId, props.iid]);
  usePoll(pipelines, pipelines.data?.some((p) => isLive(p.state)) ?? false);
  return (
    <Show loaded={pipelines} label="Loading the pipelines…">
      {(list) =>
        list.length === 0 ? (
          <Empty title="No pipelines.">Pipelines run for each push to the source branch when it has a .platformci.yml.</Empty>
        ) : (
          <PipelineRows pipelines={list} base={props.base} testid="mr-pipelines" />
        )
      }
    </Show>
  );
}
