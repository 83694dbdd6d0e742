// A project's labels: the list with their colours and descriptions; create, edit and delete
// them with project:write (everyone else reads).
import { useState } from "preact/hooks";
import { api, must } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Show, str, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { IssueNav, LabelBadge, labelFilter } from "./shared";

type ProjectLabel = Awaited<ReturnType<typeof loadLabels>>[number];

const loadLabels = (project: string) => must(api.GET("/api/projects/{project}/labels", { params: { path: { project } } }));

const DEFAULT_COLOR = "#6b7280";

function LabelFields(props: { label?: ProjectLabel }) {
  return (
    <>
      <Field label="Name">
        <input name="name" required maxLength={100} value={props.label?.name ?? ""} />
      </Field>
      <Field label="Colour">
        <input name="color" type="color" value={props.label?.color ?? DEFAULT_COLOR} />
      </Field>
      <Field label="Description" hint="Optional: when to use it.">
        <input name="description" maxLength={500} value={props.label?.description ?? ""} />
      </Field>
    </>
  );
}

const fieldsOf = (data: FormData) => ({
  name: str(data, "name"),
  color: str(data, "color").toLowerCase() || DEFAULT_COLOR,
  description: str(data, "description"),
});

export default function Labels() {
  const { project, base, can } = useProject();
  const path = { project: project.id };
  const labels = useLoad(() => loadLabels(project.id), [project.id]);
  const [editing, setEditing] = useState<string | null>(null);
  const writer = can("project:write");
  const remove = useAction(async (label: ProjectLabel) => {
    if (!confirm(`Delete the label "${label.name}"? It comes off every issue that has it.`)) return;
    await must(api.DELETE("/api/projects/{project}/labels/{label_id}", { params: { path: { ...path, label_id: Number(label.id) } } }));
    labels.reload();
  });
  return (
    <div class="stack">
      <IssueNav base={base} current="labels" />
      {writer && (
        <section class="card" aria-label="New label">
          <div class="card-header">New label</div>
          <div class="card-body">
            <Form
              submit="Create label"
              resetOnSuccess
              class="form-inline"
              onSubmit={async (data) => {
                await must(api.POST("/api/projects/{project}/labels", { params: { path }, body: fieldsOf(data) }));
                labels.reload();
              }}
            >
              <LabelFields />
            </Form>
          </div>
        </section>
      )}
      <ErrorBox error={remove.error} />
      <Show loaded={labels}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No labels yet.">
              {writer
                ? "Create one above (bug, feature, a part of the project, a priority), then put it on issues to sort and filter them."
                : "Someone who can change this project can create labels to sort its issues."}
            </Empty>
          ) : (
            <ul class="list" data-testid="labels">
              {list.map((l) =>
                editing === l.id ? (
                  <li data-testid="label-row">
                    <Form
                      submit="Save"
                      class="form-inline grow"
                      onSubmit={async (data) => {
                        await must(
                          api.PATCH("/api/projects/{project}/labels/{label_id}", {
                            params: { path: { ...path, label_id: Number(l.id) } },
                            body: fieldsOf(data),
                          }),
                        );
                        setEditing(null);
                        labels.reload();
                      }}
                    >
                      <LabelFields label={l} />
                    </Form>
                    <button class="btn btn-small" type="button" onClick={() => setEditing(null)}>
                      Cancel
                    </button>
                  </li>
                ) : (
                  <li data-testid="label-row">
                    <div class="list-main row">
                      <span class="swatch" style={{ background: l.color }} aria-hidden="true" title={l.color} />
                      <LabelBadge label={l} href={labelFilter(base, l.name)} />
                      <span class="muted">{l.description}</span>
                    </div>
                    {writer && (
                      <div class="row">
                        <button class="btn btn-small" type="button" onClick={() => setEditing(l.id)} aria-label={`Edit ${l.name}`}>
                          Edit
                        </button>
                        <button
                          class="btn btn-small btn-danger"
                          type="button"
                          disabled={remove.busy}
                          onClick={() => void remove.run(l)}
                          aria-label={`Delete ${l.name}`}
                        >
                          Delete
                        </button>
                      </div>
                    )}
                  </li>
                ),
              )}
            </ul>
          )
        }
      </Show>
    </div>
  );
}
