import { useState } from "preact/hooks";
import { api, must } from "../../api/client";
import { ErrorBox, Field, Form, Notice, Show, str, Time, useAction, useLoad } from "../../components";
import { Diff, type LineRef } from "../../diff";
import { useProject } from "../../layouts/project";
import { Markdown } from "../../markdown";
import type { PageProps } from "../../router";
import { useUser } from "../../session";
import { StateBadge } from "../issues/shared";
import { blockerText, LatestPipeline, MergeRequestPipelines, pipelineOf } from "../pipelines/MergeRequestPipelines";

type Tab = "conversation" | "changes" | "commits" | "pipelines";

export default function MergeRequest({ params, query }: PageProps) {
  const { project, base, can } = useProject();
  const user = useUser();
  const iid = Number(params.iid);
  const path = { project: project.id, iid };
  const [tab, setTab] = useState<Tab>((query.get("tab") as Tab) || "conversation");
  const [commenting, setCommenting] = useState<LineRef | null>(null);
  const loaded = useLoad(async () => {
    const [mr, comments, reviews, diff, commits] = await Promise.all([
      must(api.GET("/api/projects/{project}/merge-requests/{iid}", { params: { path } })),
      must(api.GET("/api/projects/{project}/merge-requests/{iid}/comments", { params: { path } })),
      must(api.GET("/api/projects/{project}/merge-requests/{iid}/reviews", { params: { path } })),
      must(api.GET("/api/projects/{project}/merge-requests/{iid}/diff", { params: { path } })),
      must(api.GET("/api/projects/{project}/merge-requests/{iid}/commits", { params: { path } })),
    ]);
    return { mr, comments, reviews, diff, commits };
  }, [project.id, iid]);
  const change = useAction(async (body: Record<string, unknown>) => {
    await must(api.PATCH("/api/projects/{project}/merge-requests/{iid}", { params: { path }, body }));
    loaded.reload();
  });

  return (
    <Show loaded={loaded} label="Loading the merge request and its diff…">
      {({ mr, comments, reviews, diff, commits }) => {
        const lineComments = comments.filter((c) => c.path && c.line);
        const general = comments.filter((c) => !c.path);
        const annotate = (at: LineRef) => {
          const here = lineComments.filter((c) => c.path === at.path && c.line === at.new);
          const open = commenting && commenting.path === at.path && commenting.new === at.new && at.new !== undefined;
          if (!here.length && !open) return null;
          return (
            <div class="line-comments">
              {here.map((c) => (
                <div class="card" data-testid="line-comment">
                  <div class="card-header">
                    <strong>{c.author?.username}</strong> <Time at={c.created_at} />
                  </div>
                  <div class="card-body">
                    <Markdown source={c.body} />
                  </div>
                </div>
              ))}
              {open && (
                <Form
                  submit="Comment on line"
                  onSubmit={async (data) => {
                    await must(
                      api.POST("/api/projects/{project}/merge-requests/{iid}/comments", {
                        params: { path },
                        body: { body: String(data.get("body") ?? ""), path: at.path, line: at.new!, commit_sha: mr.source_sha },
                      }),
                    );
                    setCommenting(null);
                    loaded.reload();
                  }}
                >
                  <textarea name="body" required aria-label="Line comment" />
                </Form>
              )}
            </div>
          );
        };
        const strategies = project.merge_strategies?.length ? project.merge_strategies : ["merge"];
        const pipeline = pipelineOf(mr);
        return (
          <div class="stack">
            <div class="spread">
              <h2 style={{ margin: 0 }} data-testid="mr-title">
                {mr.draft && <span class="badge">draft</span>} {mr.title} <span class="muted">!{mr.iid}</span>
              </h2>
              <StateBadge state={mr.state} />
            </div>
            <p class="muted">
              {mr.author?.username ?? "someone"} wants to merge <code>{mr.source_branch}</code> into{" "}
              <code>{mr.target_branch}</code> · opened <Time at={mr.created_at} />
              {mr.merged_at && (
                <>
                  {" "}
                  · merged <Time at={mr.merged_at} /> by {mr.merged_by?.username}
                </>
              )}
            </p>
            <nav class="tabs" aria-label="Merge request">
              {(["conversation", "changes", "commits", "pipelines"] as Tab[]).map((t) => (
                <a
                  href={`?tab=${t}`}
                  aria-current={t === tab ? "page" : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setTab(t);
                  }}
                >
                  {t === "changes" ? `Changes (${diff.files.length})` : t === "commits" ? `Commits (${commits.commits.length})` : t === "pipelines" ? "Pipelines" : "Conversation"}
                </a>
              ))}
            </nav>

            {tab === "conversation" && (
              <div class="issue-grid">
                <div class="stack">
                  <div class="card">
                    <div class="card-body">{mr.body ? <Markdown source={mr.body} /> : <span class="muted">No description.</span>}</div>
                  </div>
                  {reviews.map((r) => (
                    <div class="card" data-testid="review">
                      <div class="card-header">
                        <strong>{r.author?.username}</strong>{" "}
                        <span class={`badge ${r.state === "approved" ? "badge-success" : r.state === "changes_requested" ? "badge-warning" : ""}`}>
                          {r.state.replace("_", " ")}
                        </span>{" "}
                        {r.dismissed && <span class="badge">dismissed</span>} <Time at={r.created_at} />
                      </div>
                      {r.body && (
                        <div class="card-body">
                          <Markdown source={r.body} />
                        </div>
                      )}
                    </div>
                  ))}
                  {general.map((c) => (
                    <div class="card" data-testid="comment">
                      <div class="card-header">
                        <strong>{c.author?.username}</strong> <Time at={c.created_at} />
                      </div>
                      <div class="card-body">
                        <Markdown source={c.body} />
                      </div>
                    </div>
                  ))}
                  {user && (
                    <Form
                      submit="Comment"
                      resetOnSuccess
                      onSubmit={async (data) => {
                        await must(
                          api.POST("/api/projects/{project}/merge-requests/{iid}/comments", {
                            params: { path },
                            body: { body: String(data.get("body") ?? "") },
                          }),
                        );
                        loaded.reload();
                      }}
                    >
                      <Field label="Add a comment">
                        <textarea name="body" rows={4} required />
                      </Field>
                    </Form>
                  )}
                  {mr.state === "open" && user && (
                    <details class="card">
                      <summary class="card-header">Review</summary>
                      <div class="card-body">
                        <Form
                          submit="Submit review"
                          resetOnSuccess
                          onSubmit={async (data) => {
                            await must(
                              api.POST("/api/projects/{project}/merge-requests/{iid}/reviews", {
                                params: { path },
                                body: { state: str(data, "state") as "approve", body: String(data.get("body") ?? "") },
                              }),
                            );
                            loaded.reload();
                          }}
                        >
                          <Field label="Verdict">
                            <select name="state">
                              <option value="approve">Approve</option>
                              <option value="request_changes">Request changes</option>
                              <option value="comment">Comment</option>
                            </select>
                          </Field>
                          <Field label="Summary">
                            <textarea name="body" rows={3} />
                          </Field>
                        </Form>
                      </div>
                    </details>
                  )}
                </div>
                <aside class="stack issue-side">
                  <div data-testid="mergeability">
                    <div class="field-label">Approvals</div>
                    {mr.approvals.given} of {mr.approvals.required} required
                    {mr.approvals.approved_by.length > 0 && <div class="muted">by {mr.approvals.approved_by.map((u) => u.username).join(", ")}</div>}
                  </div>
                  <LatestPipeline pipeline={pipeline} base={base} />
                  <div>
                    <div class="field-label">Reviewers</div>
                    {mr.reviewers.length ? mr.reviewers.map((u) => u.username).join(", ") : <span class="muted">none</span>}
                  </div>
                  {mr.state === "open" && (
                    <div class="stack">
                      {mr.conflicts.length > 0 && (
                        <Notice kind="warning">
                          Conflicts in: {mr.conflicts.join(", ")}. Merge {mr.target_branch} into {mr.source_branch} and push.
                        </Notice>
                      )}
                      {mr.blockers.length > 0 && (
                        <Notice kind="warning">
                          Cannot merge yet:
                          <ul>
                            {mr.blockers.map((b) => (
                              <li data-blocker={b}>{blockerText(b, pipeline)}</li>
                            ))}
                          </ul>
                        </Notice>
                      )}
                      {mr.mergeable && <Notice kind="success">Ready to merge.</Notice>}
                      {can("merge_request:merge") && (
                        <Form
                          submit="Merge"
                          onSubmit={async (data) => {
                            await must(
                              api.POST("/api/projects/{project}/merge-requests/{iid}/merge", {
                                params: { path },
                                body: {
                                  strategy: str(data, "strategy") as "merge",
                                  delete_source_branch: data.get("delete") === "on",
                                  sha: mr.source_sha,
                                },
                              }),
                            );
                            loaded.reload();
                          }}
                        >
                          <Field label="Strategy">
                            <select name="strategy" value={mr.merge_strategy ?? strategies[0]}>
                              {strategies.map((s) => (
                                <option value={s}>{s}</option>
                              ))}
                            </select>
                          </Field>
                          <label class="checkbox">
                            <input type="checkbox" name="delete" /> Delete {mr.source_branch}
                          </label>
                        </Form>
                      )}
                      {(mr.author?.id === user?.id || can("merge_request:write")) && (
                        <div class="row">
                          {mr.draft && (
                            <button class="btn btn-small" onClick={() => void change.run({ draft: false })}>
                              Mark ready
                            </button>
                          )}
                          <button class="btn btn-small" onClick={() => void change.run({ state: "closed" })}>
                            Close
                          </button>
                        </div>
                      )}
                    </div>
                  )}
                  {mr.state === "closed" && (
                    <button class="btn btn-small" onClick={() => void change.run({ state: "open" })}>
                      Reopen
                    </button>
                  )}
                  <ErrorBox error={change.error} />
                  {mr.merge_commit_sha && (
                    <a href={`${base}/-/commit/${mr.merge_commit_sha}`} class="commit-sha">
                      {mr.merge_commit_sha.slice(0, 10)}
                    </a>
                  )}
                </aside>
              </div>
            )}
            {tab === "changes" && (
              <Diff diff={diff} hooks={user ? { annotate, onLine: (at) => at.new !== undefined && setCommenting(at) } : { annotate }} />
            )}
            {tab === "pipelines" && <MergeRequestPipelines projectId={project.id} iid={iid} base={base} />}
            {tab === "commits" && (
              <ul class="list">
                {commits.commits.map((c) => (
                  <li>
                    <div class="list-main">
                      <a class="list-title" href={`${base}/-/commit/${c.sha}`}>
                        {c.title}
                      </a>
                      <div class="muted">
                        {c.author.name}, <Time at={c.authored_at} />
                      </div>
                    </div>
                    <span class="commit-sha">{c.sha.slice(0, 10)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      }}
    </Show>
  );
}
