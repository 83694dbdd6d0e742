// A project's pipelines, newest first: filters by state and branch, paging, and the form
// that runs one by hand. Read again every few seconds while one is pending or running.
import { useEffect, useState } from "preact/hooks";
import { Empty, Field, Form, Notice, Show, str, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { useRefs } from "../project/refs";
import { listPipelines, runPipeline } from "./api";
import { PipelineRows, usePoll, VariableRows, variablesOf } from "./shared";
import { isLive, type Pipeline, type PipelineState } from "./types";

const STATES: PipelineState[] = ["pending", "running", "success", "failed", "cancelled", "error"];
const PER_PAGE = 20;
function RunForm(props: { projectId: string; defaultBranch: string; onRun: (started: Pipeline[]) => void }) {
  const refs = useRefs();
  // Controlled, as Preact writes `value` back on every render (the refs arriving is one).
  const [ref, setRef] = useState(props.defaultBranch);
  return (
    <Form
      submit="Run pipeline"
      onSubmit={async (data) => {
        const ref = str(data, "ref");
        if (!ref) throw new Error("Name a branch or a tag.");
        const started = await runPipeline(props.projectId, { ref, variables: variablesOf(data) });
        props.onRun(started);
      }}
    >
      <Field label="Branch or tag" hint="The pipeline runs the .platformci.yml of its head commit.">
        <input
          name="ref"
          value={ref}
          onInput={(e) => setRef(e.currentTarget.value)}
          required list="pipeline-refs" autocomplete="off" spellcheck={false} data-testid="run-ref" />
      </Field>
      <datalist id="pipeline-refs">
        {(refs.data?.branches ?? []).map((b) => (
          <option value={b.name} />
        ))}
        {(refs.data?.tags ?? []).map((t) => (
          <option value={t.name} />
        ))}
      </datalist>
      <VariableRows />
    </Form>
  );
}

export default function PipelineList({ query }: PageProps) {
  const { project, base, can } = useProject();
  const state = (STATES as string[]).includes(query.get("state") ?? "") ? (query.get("state") as PipelineState) : undefined;
  const ref = query.get("ref") || undefined;
  const page = Math.max(1, Number(query.get("page") || "1") || 1);
  const [started, setStarted] = useState<Pipeline[] | null>(null);
  const [formKey, setFormKey] = useState(0);
  // The filter being typed: controlled, since the list re-renders as it is polled.
  const [refInput, setRefInput] = useState(ref ?? "");
  useEffect(() => setRefInput(ref ?? ""), [ref]);
  const pipelines = useLoad(
    () => listPipelines(project.id, { state, ref, page, per_page: PER_PAGE }),
    [project.id, state, ref, page],
  );
  usePoll(pipelines, pipelines.data?.items.some((p) => isLive(p.state)) ?? false);
  const go = (changes: Record<string, string | undefined>) => {
    const q = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) v ? q.set(k, v) : q.delete(k);
    if (!("page" in changes)) q.delete("page");
    navigate(`${location.pathname}?${q}`);
  };
  const runnable = can("pipeline:run") && !project.archived;
  return (
    <div class="stack">
      <div class="toolbar">
        <div class="row" role="group" aria-label="State">
          <button class="btn btn-small" aria-pressed={!state} onClick={() => go({ state: undefined })}>
            all
          </button>
          {STATES.map((s) => (
            <button class="btn btn-small" aria-pressed={s === state} onClick={() => go({ state: s })}>
              {s}
            </button>
          ))}
        </div>
        <span class="grow" />
        <a class="btn" href={`${base}/-/pipelines/schedules`}>
          Schedules
        </a>
      </div>
      <form
        class="form-inline"
        data-testid="pipeline-filter"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ref: str(new FormData(e.currentTarget), "ref") || undefined });
        }}
      >
        <label class="field">
          <span class="field-label">Branch or tag</span>
          <input
            name="ref"
            value={refInput}
            onInput={(e) => setRefInput(e.currentTarget.value)}
            placeholder="any" autocomplete="off" spellcheck={false} />
        </label>
        <div class="form-actions">
          <button class="btn">Filter</button>
          {ref && (
            <button type="button" class="btn" onClick={() => go({ ref: undefined })}>
              Clear
            </button>
          )}
        </div>
      </form>
      {started && started.length > 0 && (
        <Notice kind="success">
          Started{" "}
          {started.map((p, i) => (
            <>
              {i > 0 && ", "}
              <a href={`${base}/-/pipelines/${p.number}`}>
                #{p.number}
                {p.label && ` (${p.label})`}
              </a>
            </>
          ))}
          .
        </Notice>
      )}
      {runnable && (
        <details class="card" data-testid="run-pipeline">
          <summary class="card-header">Run pipeline</summary>
          <div class="card-body">
            <RunForm
              key={formKey}
              projectId={project.id}
              defaultBranch={project.default_branch}
              onRun={(list) => {
                // One pipeline: go and watch it. A matrix: say which started, here in the list.
                if (list.length === 1) return navigate(`${base}/-/pipelines/${list[0]!.number}`);
                setStarted(list);
                setFormKey((k) => k + 1);
                pipelines.reload();
              }}
            />
          </div>
        </details>
      )}
      <Show loaded={pipelines} label="Loading the pipelines…">
        {({ items, more }) =>
          items.length === 0 ? (
            <Empty title={state || ref || page > 1 ? "No pipeline matches." : "No pipelines yet."}>
              {state || ref ? (
                <a href={`${base}/-/pipelines`}>Show all pipelines</a>
              ) : (
                <>
                  Add a <code>.platformci.yml</code> to the repository and push
                  {runnable ? ", or run one by hand above" : ""}.
                </>
              )}
            </Empty>
          ) : (
            <>
              <PipelineRows pipelines={items} base={base} />
              <div class="pager">
                <button class="btn" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
                  Newer
                </button>
                <button class="btn" disabled={!more} onClick={() => go({ page: String(page + 1) })}>
                  Older
                </button>
              </div>
            </>
          )
        }
      </Show>
    </div>
  );
}
