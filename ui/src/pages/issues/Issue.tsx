import { api, must } from "../../api/client";
import { ErrorBox, Field, Form, Show, str, Time, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { Markdown } from "../../markdown";
import type { PageProps } from "../../router";
import { useUser } from "../../session";
import { LabelBadge, labelFilter, StateBadge, words } from "./shared";

export default function Issue({ params }: PageProps) {
  const { project, base, can } = useProject();
  const user = useUser();
  const iid = Number(params.iid);
  const path = { project: project.id, iid };
  const loaded = useLoad(async () => {
    const [issue, comments] = await Promise.all([
      must(api.GET("/api/projects/{project}/issues/{iid}", { params: { path } })),
      must(api.GET("/api/projects/{project}/issues/{iid}/comments", { params: { path } })),
    ]);
    return { issue, comments };
  }, [project.id, iid]);
  // The milestones one may choose from (the open ones, and the issue's own).
  const milestones = useLoad(
    async () =>
      can("issue:write")
        ? must(api.GET("/api/projects/{project}/milestones", { params: { path: { project: project.id }, query: { state: "all" } } }))
        : [],
    [project.id, can("issue:write")],
  );
  const change = useAction(async (body: Record<string, unknown>) => {
    await must(api.PATCH("/api/projects/{project}/issues/{iid}", { params: { path }, body }));
    loaded.reload();
  });
  const removeComment = useAction(async (id: string) => {
    if (!confirm("Delete this comment?")) return;
    await must(
      api.DELETE("/api/projects/{project}/issues/{iid}/comments/{comment_id}", {
        params: { path: { ...path, comment_id: Number(id) } },
      }),
    );
    loaded.reload();
  });
  return (
    <Show loaded={loaded}>
      {({ issue, comments }) => {
        const mayEdit = can("issue:write") || issue.author?.id === user?.id;
        return (
          <div class="stack">
            <div class="spread">
              <h2 style={{ margin: 0 }} data-testid="issue-title">
                {issue.title} <span class="muted">#{issue.iid}</span>
              </h2>
              <StateBadge state={issue.state} />
            </div>
            <p class="muted">
              Opened <Time at={issue.created_at} /> by {issue.author?.username ?? "someone"}
              {issue.closed_at && (
                <>
                  {" "}
                  · closed <Time at={issue.closed_at} /> by {issue.closed_by?.username ?? "someone"}
                </>
              )}
            </p>
            <div class="issue-grid">
              <div class="stack">
                <div class="card">
                  <div class="card-body">
                    {issue.body ? <Markdown source={issue.body} /> : <span class="muted">No description.</span>}
                  </div>
                </div>
                {comments.map((c) => (
                  <div class="card" data-testid="comment">
                    <div class="card-header spread">
                      <span>
                        <strong>{c.author?.username ?? "someone"}</strong> <Time at={c.created_at} />
                      </span>
                      {(c.author?.id === user?.id || can("project:admin")) && (
                        <button class="btn btn-small btn-danger" onClick={() => void removeComment.run(c.id)}>
                          Delete
                        </button>
                      )}
                    </div>
                    <div class="card-body">
                      <Markdown source={c.body} />
                    </div>
                  </div>
                ))}
                <ErrorBox error={removeComment.error} />
                {user ? (
                  <Form
                    submit="Comment"
                    resetOnSuccess
                    onSubmit={async (data) => {
                      await must(
                        api.POST("/api/projects/{project}/issues/{iid}/comments", {
                          params: { path },
                          body: { body: String(data.get("body") ?? "") },
                        }),
                      );
                      loaded.reload();
                    }}
                  >
                    <Field label="Add a comment" hint="Markdown.">
                      <textarea name="body" rows={5} required />
                    </Field>
                  </Form>
                ) : (
                  <p>
                    <a href={`/login?next=${encodeURIComponent(location.pathname)}`}>Sign in</a> to comment.
                  </p>
                )}
                {mayEdit && (
                  <div class="row">
                    <button
                      class="btn"
                      disabled={change.busy}
                      onClick={() => void change.run({ state: issue.state === "open" ? "closed" : "open" })}
                    >
                      {issue.state === "open" ? "Close issue" : "Reopen issue"}
                    </button>
                  </div>
                )}
                <ErrorBox error={change.error} />
              </div>
              <aside class="stack issue-side">
                <div>
                  <div class="field-label">Labels</div>
                  {issue.labels.length ? (
                    issue.labels.map((l) => <LabelBadge label={l} href={labelFilter(base, l.name)} />)
                  ) : (
                    <span class="muted">none</span>
                  )}
                </div>
                <div>
                  <div class="field-label">Assignees</div>
                  {issue.assignees.length ? issue.assignees.map((a) => a.username).join(", ") : <span class="muted">nobody</span>}
                </div>
                <div data-testid="issue-milestone">
                  <div class="field-label">Milestone</div>
                  {issue.milestone ? (
                    <a href={`${base}/-/milestones/${issue.milestone.id}`}>{issue.milestone.title}</a>
                  ) : (
                    <span class="muted">none</span>
                  )}
                  {can("issue:write") && milestones.data && (
                    <div class="field">
                      <select
                        aria-label="Change the milestone"
                        value={issue.milestone?.id ?? ""}
                        disabled={change.busy}
                        onChange={(e) => void change.run({ milestone_id: e.currentTarget.value || null })}
                      >
                        <option value="">no milestone</option>
                        {milestones.data
                          .filter((m) => m.state === "open" || m.id === issue.milestone?.id)
                          .map((m) => (
                            <option value={m.id}>{m.title}</option>
                          ))}
                      </select>
                    </div>
                  )}
                  <ErrorBox error={milestones.error} />
                </div>
                {can("issue:write") && (
                  <details>
                    <summary>Edit labels and assignees</summary>
                    <Form
                      submit="Save"
                      onSubmit={async (data) => {
                        await must(
                          api.PATCH("/api/projects/{project}/issues/{iid}", {
                            params: { path },
                            body: { labels: words(str(data, "labels")), assignees: words(str(data, "assignees")) },
                          }),
                        );
                        loaded.reload();
                      }}
                    >
                      <Field label="Labels" hint="Comma-separated names.">
                        <input name="labels" value={issue.labels.map((l) => l.name).join(", ")} />
                      </Field>
                      <Field label="Assignees" hint="Usernames, comma-separated.">
                        <input name="assignees" value={issue.assignees.map((a) => a.username).join(", ")} />
                      </Field>
                    </Form>
                  </details>
                )}
                <a href={`${base}/-/issues`}>← All issues</a>
              </aside>
            </div>
          </div>
        );
      }}
    </Show>
  );
}
