import { api, must } from "../../api/client";
import { Empty, Show, Time, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { LabelBadge, StateBadge } from "./shared";

const STATES = ["open", "closed", "all"] as const;

export default function IssueList({ query }: PageProps) {
  const { project, base, can } = useProject();
  const state = (STATES as readonly string[]).includes(query.get("state") ?? "") ? (query.get("state") as (typeof STATES)[number]) : "open";
  const filters = {
    q: query.get("q") || undefined,
    labels: query.get("labels") || undefined,
    assignee: query.get("assignee") || undefined,
    author: query.get("author") || undefined,
  };
  const page = Number(query.get("page") || "1");
  const issues = useLoad(
    () =>
      must(
        api.GET("/api/projects/{project}/issues", {
          params: { path: { project: project.id }, query: { state, ...filters, page, per_page: 30 } },
        }),
      ),
    [project.id, query.toString()],
  );
  const go = (changes: Record<string, string | undefined>) => {
    const q = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) v ? q.set(k, v) : q.delete(k);
    if (!("page" in changes)) q.delete("page");
    navigate(`${location.pathname}?${q}`);
  };
  return (
    <div class="stack">
      <div class="toolbar">
        <div class="row" role="group" aria-label="State">
          {STATES.map((s) => (
            <button class="btn btn-small" aria-pressed={s === state} onClick={() => go({ state: s })}>
              {s}
            </button>
          ))}
        </div>
        <span class="grow" />
        {can("project:read") && (
          <a class="btn btn-primary" href={`${base}/-/issues/new`}>
            New issue
          </a>
        )}
      </div>
      <form
        class="form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          go(Object.fromEntries(["q", "labels", "assignee", "author"].map((k) => [k, String(d.get(k) ?? "").trim() || undefined])));
        }}
      >
        <label class="field">
          <span class="field-label">Search</span>
          <input name="q" value={filters.q ?? ""} placeholder="title or text" />
        </label>
        <label class="field">
          <span class="field-label">Labels</span>
          <input name="labels" value={filters.labels ?? ""} placeholder="bug, ui" />
        </label>
        <label class="field">
          <span class="field-label">Assignee</span>
          <input name="assignee" value={filters.assignee ?? ""} placeholder="username" />
        </label>
        <label class="field">
          <span class="field-label">Author</span>
          <input name="author" value={filters.author ?? ""} placeholder="username" />
        </label>
        <div class="form-actions">
          <button class="btn">Filter</button>
        </div>
      </form>
      <Show loaded={issues}>
        {(list) =>
          list.length === 0 ? (
            <Empty title={state === "open" && !Object.values(filters).some(Boolean) ? "No open issues." : "No issue matches."}>
              <a href={`${base}/-/issues/new`}>Open an issue</a> to track a bug, a task or an idea.
            </Empty>
          ) : (
            <>
              <ul class="list" data-testid="issues">
                {list.map((i) => (
                  <li>
                    <div class="list-main">
                      <div class="row">
                        <a class="list-title" href={`${base}/-/issues/${i.iid}`}>
                          {i.title}
                        </a>
                        {i.labels.map((l) => (
                          <LabelBadge label={l} />
                        ))}
                      </div>
                      <div class="muted">
                        #{i.iid} opened <Time at={i.created_at} /> by {i.author?.username ?? "someone"}
                        {i.milestone && <> · {i.milestone.title}</>}
                        {i.assignees.length > 0 && <> · assigned to {i.assignees.map((a) => a.username).join(", ")}</>}
                      </div>
                    </div>
                    <div class="row">
                      <StateBadge state={i.state} />
                      {i.comments > 0 && <span class="muted">💬 {i.comments}</span>}
                    </div>
                  </li>
                ))}
              </ul>
              <div class="pager">
                <button class="btn" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
                  Previous
                </button>
                <button class="btn" disabled={list.length < 30} onClick={() => go({ page: String(page + 1) })}>
                  Next
                </button>
              </div>
            </>
          )
        }
      </Show>
    </div>
  );
}
