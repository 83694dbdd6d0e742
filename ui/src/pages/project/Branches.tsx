import { api, must } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Show, str, Time, useAction } from "../../components";
import { useProject } from "../../layouts/project";
import { CommitStatusIcon } from "../pipelines/PipelineStatus";
import { useRefs } from "./refs";

/** Above this many branches the rows show no commit status (one request per row). */
const STATUS_ROWS = 30;

export default function Branches() {
  const { project, base, can } = useProject();
  const refs = useRefs();
  const writable = can("project:write") && !project.archived;
  const remove = useAction(async (name: string) => {
    if (!confirm(`Delete the branch ${name}?`)) return;
    await must(
      api.DELETE("/api/projects/{project}/repository/branches/{name}", { params: { path: { project: project.id, name } } }),
    );
    refs.reload();
  });
  return (
    <div class="stack">
      <Show loaded={refs}>
        {({ branches }) =>
          branches.length === 0 ? (
            <Empty title="No branches yet.">
              Push one: <code>git push -u origin {project.default_branch}</code>
            </Empty>
          ) : (
            <ul class="list" data-testid="branches">
              {branches.map((b) => (
                <li>
                  <div class="list-main">
                    <div class="row">
                      <a class="list-title" href={`${base}/-/tree?ref=${encodeURIComponent(b.name)}`}>
                        {b.name}
                      </a>
                      {b.default && <span class="badge badge-accent">default</span>}
                      {b.protected && <span class="badge badge-warning">protected</span>}
                    </div>
                    <div class="muted">
                      {branches.length <= STATUS_ROWS && <CommitStatusIcon projectId={project.id} sha={b.commit.sha} base={base} />}{" "}
                      <a class="commit-sha" href={`${base}/-/commit/${b.commit.sha}`}>
                        {b.commit.sha.slice(0, 10)}
                      </a>{" "}
                      {b.commit.title} · <Time at={b.commit.authored_at} />
                    </div>
                  </div>
                  <div class="row">
                    <a class="btn btn-small" href={`${base}/-/commits?ref=${encodeURIComponent(b.name)}`}>
                      Commits
                    </a>
                    {writable && !b.default && (
                      <button class="btn btn-small btn-danger" disabled={remove.busy} onClick={() => void remove.run(b.name)}>
                        Delete
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <ErrorBox error={remove.error} />
      {writable && (
        <>
          <h2>New branch</h2>
          <Form
            class="form-inline"
            submit="Create branch"
            resetOnSuccess
            onSubmit={async (data) => {
              await must(
                api.POST("/api/projects/{project}/repository/branches", {
                  params: { path: { project: project.id } },
                  body: { name: str(data, "name"), ref: str(data, "ref") || project.default_branch },
                }),
              );
              refs.reload();
            }}
          >
            <Field label="Name">
              <input name="name" required />
            </Field>
            <Field label="From">
              <input name="ref" placeholder={project.default_branch} />
            </Field>
          </Form>
        </>
      )}
    </div>
  );
}
