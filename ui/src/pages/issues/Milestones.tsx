// A project's milestones: due date, state and progress (closed of all their issues); create one
// with project:write.
import { api, must } from "../../api/client";
import { Empty, Field, Form, Show, str, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { DueDate, IssueNav, Progress, StateBadge } from "./shared";

const STATES = ["open", "closed", "all"] as const;
type State = (typeof STATES)[number];

/** Title, due date and description: the fields of a new or changed milestone. */
export function MilestoneFields(props: { title?: string; due?: string | null; description?: string }) {
  return (
    <>
      <Field label="Title">
        <input name="title" required maxLength={255} value={props.title ?? ""} />
      </Field>
      <Field label="Due date" hint="Optional.">
        <input name="due_date" type="date" value={props.due ?? ""} />
      </Field>
      <Field label="Description" hint="Markdown, optional.">
        <textarea name="description" rows={3} value={props.description ?? ""} />
      </Field>
    </>
  );
}

export const milestoneFields = (data: FormData) => ({
  title: str(data, "title"),
  due_date: str(data, "due_date") || null,
  description: String(data.get("description") ?? ""),
});

export default function Milestones({ query }: PageProps) {
  const { project, base, can } = useProject();
  const state: State = (STATES as readonly string[]).includes(query.get("state") ?? "") ? (query.get("state") as State) : "open";
  const path = { project: project.id };
  const milestones = useLoad(
    () => must(api.GET("/api/projects/{project}/milestones", { params: { path, query: { state } } })),
    [project.id, state],
  );
  const writer = can("project:write");
  return (
    <div class="stack">
      <IssueNav base={base} current="milestones" />
      <div class="toolbar">
        <div class="row" role="group" aria-label="State">
          {STATES.map((s) => (
            <button class="btn btn-small" aria-pressed={s === state} onClick={() => navigate(`${base}/-/milestones?state=${s}`)}>
              {s}
            </button>
          ))}
        </div>
      </div>
      {writer && (
        <details class="card">
          <summary class="card-header">New milestone</summary>
          <div class="card-body">
            <Form
              submit="Create milestone"
              onSubmit={async (data) => {
                const m = await must(api.POST("/api/projects/{project}/milestones", { params: { path }, body: milestoneFields(data) }));
                navigate(`${base}/-/milestones/${m.id}`);
              }}
            >
              <MilestoneFields />
            </Form>
          </div>
        </details>
      )}
      <Show loaded={milestones}>
        {(list) =>
          list.length === 0 ? (
            <Empty title={state === "open" ? "No open milestones." : state === "closed" ? "No closed milestones." : "No milestones yet."}>
              {writer
                ? "Create one (a release, a sprint) with “New milestone” above, then set it on issues to follow their progress."
                : "Someone who can change this project can create milestones to group its issues."}
            </Empty>
          ) : (
            <ul class="list" data-testid="milestones">
              {list.map((m) => (
                <li data-testid="milestone-row">
                  <div class="list-main">
                    <div class="row">
                      <a class="list-title" href={`${base}/-/milestones/${m.id}`}>
                        {m.title}
                      </a>
                      <StateBadge state={m.state} />
                    </div>
                    <div class="muted">
                      <DueDate due={m.due_date} state={m.state} />
                    </div>
                  </div>
                  <div class="milestone-progress">
                    <Progress progress={m.progress} />
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </div>
  );
}
