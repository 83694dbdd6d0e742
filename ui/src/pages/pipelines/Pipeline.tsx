// One pipeline: its state, what it ran for and where, cancel and retry, the problem with its
// pipeline file, the graph of its steps, the selected step's log, and its artifacts.
// `?step=name` selects a step (and `#L12` a line of its log): the URL is linkable.
import { useState } from "preact/hooks";
import { Empty, ErrorBox, Notice, Show, Time, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { cancelPipeline, getPipeline, listArtifacts, retryPipeline, retryStep } from "./api";
import { LogViewer } from "./LogViewer";
import { PipelineStatus } from "./PipelineStatus";
import { durationOf, EventText, formatBytes, formatDuration, RefBadge, ShortSha, usePoll } from "./shared";
import { StepGraph } from "./StepGraph";
import { isLive, type Artifact, type PipelineDetail, type Step } from "./types";

/** The step to show when none is chosen: the first that failed, else the first running, else the first. */
function defaultStep(steps: Step[]): Step | undefined {
  const order = [...steps].sort((a, b) => a.stage - b.stage || a.position - b.position);
  return order.find((s) => s.state === "failed") ?? order.find((s) => s.state === "running") ?? order[0];
}

function Executor(props: { p: PipelineDetail }) {
  const { p } = props;
  if (p.executor !== "local") return <>{p.executor}</>;
  return (
    <>
      local{" "}
      <span class={`badge ${p.sandboxed ? "badge-success" : "badge-warning"}`} data-testid="pipeline-sandboxed">
        {p.sandboxed ? "sandboxed (bubblewrap)" : "not sandboxed"}
      </span>
      <div class="muted" data-testid="local-executor-note">
        Images are ignored by the local executor: steps run on the dais host
        {p.sandboxed ? ", each in a bubblewrap sandbox." : ", without a sandbox."}
      </div>
    </>
  );
}

/** The pipeline file's problems, one a line ("line 3, column 5: ..."), as the server wrote them. */
function ConfigError(props: { p: PipelineDetail; base: string }) {
  const { p, base } = props;
  return (
    <div class="alert alert-error" role="alert" data-testid="pipeline-error">
      <strong>The pipeline file is invalid.</strong>
      <pre class="pipeline-error">{p.error}</pre>
      <p>
        <a href={`${base}/-/blob/.platformci.yml?ref=${p.sha}`}>
          See <code>.platformci.yml</code> at {p.sha.slice(0, 8)}
        </a>
      </p>
    </div>
  );
}

function Artifacts(props: { projectId: string; number: number; state: string }) {
  // Read again when the pipeline's state changes: steps upload theirs as they finish.
  const artifacts = useLoad(() => listArtifacts(props.projectId, props.number), [props.projectId, props.number, props.state]);
  return (
    <section class="stack" aria-labelledby="artifacts-title">
      <h2 id="artifacts-title">Artifacts</h2>
      <Show loaded={artifacts} label="Loading the artifacts…">
        {(list: Artifact[]) =>
          list.length === 0 ? (
            <Empty title="No artifacts.">
              A step keeps files with <code>artifacts:</code> in <code>.platformci.yml</code>.
            </Empty>
          ) : (
            <ul class="list" data-testid="artifacts">
              {list.map((a) => (
                <li data-testid="artifact" data-path={a.path}>
                  <div class="list-main">
                    <a class="list-title mono" href={a.download_url} download={a.path.split("/").pop()} data-testid="artifact-link">
                      {a.path}
                    </a>
                    <div class="muted">
                      from {a.step} · {formatBytes(a.size)} ·{" "}
                      {a.expires_at ? (
                        <>
                          expires <Time at={a.expires_at} />
                        </>
                      ) : (
                        "kept until deleted"
                      )}
                    </div>
                  </div>
                  <code class="muted artifact-sha" title={`sha256 ${a.sha256}`}>
                    {a.sha256.slice(0, 12)}
                  </code>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}

function StepFacts(props: { step: Step; p: PipelineDetail }) {
  const { step, p } = props;
  return (
    <div class="step-facts muted" data-testid="step-facts">
      <span>
        <strong class="step-facts-name">{step.name}</strong> <PipelineStatus state={step.state} label />
      </span>
      {step.exit_code !== null && <span>exit code {step.exit_code}</span>}
      {step.started_at && (
        <span>
          started <Time at={step.started_at} />
        </span>
      )}
      {durationOf(step) !== null && <span>took {formatDuration(durationOf(step))}</span>}
      {step.image && (
        <span title={p.executor === "local" ? "Images are ignored by the local executor" : undefined}>
          image <code>{step.image}</code>
          {p.executor === "local" && " (ignored)"}
        </span>
      )}
      <span>{step.timeout_seconds === null ? "the default timeout" : `timeout ${formatDuration(step.timeout_seconds)}`}</span>
      {step.artifacts.length > 0 && (
        <span>
          keeps <code>{step.artifacts.join(", ")}</code>
        </span>
      )}
      {step.error && (
        <span class="step-error" role="note">
          {step.error}
        </span>
      )}
    </div>
  );
}

export default function Pipeline({ params, query }: PageProps) {
  const { project, base, can } = useProject();
  const number = Number(params.number);
  const pipeline = useLoad(() => getPipeline(project.id, number), [project.id, number]);
  const p = pipeline.data;
  usePoll(pipeline, !!p && (isLive(p.state) || p.steps.some((s) => isLive(s.state))));
  const runnable = can("pipeline:run") && !project.archived;
  const cancel = useAction(async () => {
    await cancelPipeline(project.id, number);
    pipeline.reload();
  });
  const retry = useAction(async () => {
    await retryPipeline(project.id, number);
    pipeline.reload();
  });
  const [retrying, setRetrying] = useState<string | null>(null);
  const stepRetry = useAction(async (name: string) => {
    setRetrying(name);
    try {
      await retryStep(project.id, number, name);
    } finally {
      setRetrying(null);
    }
    select(name);
    pipeline.reload();
  });
  const select = (name: string) => {
    const q = new URLSearchParams(location.search);
    q.set("step", name);
    // replace: choosing steps is not history worth going back through (and push would scroll up)
    navigate(`${location.pathname}?${q}`, { replace: true });
  };

  if (!Number.isInteger(number) || number < 1) return <ErrorBox error={new Error(`${params.number} is not a pipeline number.`)} />;
  return (
    <Show loaded={pipeline} label="Loading the pipeline…">
      {(p) => {
        const step = p.steps.find((s) => s.name === query.get("step")) ?? defaultStep(p.steps);
        const finished = !isLive(p.state);
        return (
          <div class="stack">
            <div class="spread pipeline-head">
              <h2 class="row pipeline-heading" data-testid="pipeline-heading">
                <PipelineStatus state={p.state} label testid="pipeline-state" what={`Pipeline #${p.number}`} />
                <span>Pipeline #{p.number}</span>
                {p.label && <span class="badge matrix-label">{p.label}</span>}
                {p.cancel_requested && !finished && <span class="badge badge-warning">cancelling…</span>}
              </h2>
              {runnable && (
                <div class="row">
                  {!finished && (
                    <button
                      class="btn btn-danger"
                      disabled={cancel.busy || p.cancel_requested}
                      onClick={() => void cancel.run()}
                      data-testid="pipeline-cancel"
                    >
                      {p.cancel_requested ? "Cancelling…" : cancel.busy ? "Cancelling…" : "Cancel pipeline"}
                    </button>
                  )}
                  {finished && p.state !== "success" && (
                    <button class="btn" disabled={retry.busy} onClick={() => void retry.run()} data-testid="pipeline-retry">
                      {retry.busy ? "Retrying…" : "Retry pipeline"}
                    </button>
                  )}
                </div>
              )}
            </div>
            <ErrorBox error={cancel.error ?? retry.error ?? stepRetry.error} />
            <p class="pipeline-title-line">{p.title || "(no message)"}</p>
            {p.state === "error" && p.error && <ConfigError p={p} base={base} />}
            <dl class="facts pipeline-facts" data-testid="pipeline-facts">
              <dt>Ref</dt>
              <dd>
                <RefBadge pipeline={p} base={base} /> <span class="muted mono">{p.ref}</span>
              </dd>
              <dt>Commit</dt>
              <dd>
                <ShortSha sha={p.sha} base={base} />
              </dd>
              <dt>Trigger</dt>
              <dd>
                <EventText pipeline={p} base={base} />
                {p.created_by ? <> by {p.created_by.username}</> : p.schedule_id ? null : <span class="muted"> (by dais)</span>}
              </dd>
              <dt>Created</dt>
              <dd>
                <Time at={p.created_at} />
              </dd>
              <dt>Started</dt>
              <dd>
                <Time at={p.started_at} never="not yet" />
              </dd>
              <dt>Finished</dt>
              <dd>
                <Time at={p.finished_at} never={finished ? "—" : "not yet"} />
              </dd>
              <dt>Duration</dt>
              <dd data-testid="pipeline-duration">{formatDuration(durationOf(p)) || <span class="muted">—</span>}</dd>
              <dt>Executor</dt>
              <dd data-testid="pipeline-executor">
                <Executor p={p} />
              </dd>
              {Object.keys(p.variables).length > 0 && (
                <>
                  <dt>Variables</dt>
                  <dd>
                    <details>
                      <summary>{Object.keys(p.variables).join(", ")}</summary>
                      <ul class="plain-list mono">
                        {Object.entries(p.variables).map(([k, v]) => (
                          <li>
                            {k}={v}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </dd>
                </>
              )}
            </dl>
            {p.steps.length > 0 ? (
              <>
                <StepGraph
                  steps={p.steps}
                  selected={step?.name ?? null}
                  onSelect={select}
                  onRetry={runnable ? (name) => void stepRetry.run(name) : undefined}
                  retrying={retrying}
                />
                {step && (
                  <section class="stack" aria-label={`Step ${step.name}`}>
                    <StepFacts step={step} p={p} />
                    <LogViewer
                      key={`${step.name}#${step.attempt}`}
                      projectId={project.id}
                      number={p.number}
                      step={step}
                      onEnd={() => pipeline.reload()}
                    />
                  </section>
                )}
              </>
            ) : (
              !finished && <Notice>No steps yet: the pipeline file is being read.</Notice>
            )}
            <Artifacts projectId={project.id} number={p.number} state={p.state} />
          </div>
        );
      }}
    </Show>
  );
}
