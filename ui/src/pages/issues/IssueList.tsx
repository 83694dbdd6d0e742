import { api, must } from "../../api/client";
import { Empty, Show, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { IssueNav, IssueRows, words } from "./shared";

const STATES = ["open", "closed", "all"] as const;

export default function IssueList({ query }: PageProps) {
  const { project, base, can } = useProject();
  const state = (STATES as readonly string[]).includes(query.get("state") ?? "") ? (query.get("state") as (typeof STATES)[number]) : "open";
  const filters = {
    q: query.get("q") || undefined,
    labels: query.get("labels") || undefined,
    assignee: query.get("assignee") || undefined,
    author: query.get("author") || undefined,
    milestone: query.get("milestone") || undefined,
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
  const milestones = useLoad(
    () =>
      must(api.GET("/api/projects/{project}/milestones", { params: { path: { project: project.id }, query: { state: "all" } } })),
    [project.id],
  );
  /** A label chip adds its label to the filter (all listed labels must match). */
  const labelHref = (name: string) => {
    const q = new URLSearchParams(location.search);
    const now = words(q.get("labels") ?? "");
    if (!now.some((l) => l.toLowerCase() === name.toLowerCase())) now.push(name);
    q.set("labels", now.join(","));
    q.delete("page");
    return `${base}/-/issues?${q}`;
  };
  const go = (changes: Record<string, string | undefined>) => {
    const q = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) v ? q.set(k, v) : q.delete(k);
    if (!("page" in changes)) q.delete("page");
    navigate(`${location.pathname}?${q}`);
  };
  return (
    <div class="stack">
      <IssueNav base={base} current="issues" />
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
          go(Object.fromEntries(["q", "labels", "assignee", "author", "milestone"].map((k) => [k, String(d.get(k) ?? "").trim() || undefined])));
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
        <label class="field">
          <span class="field-label">Milestone</span>
          <select name="milestone" value={filters.milestone ?? ""} onChange={(e) => go({ milestone: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            <option value="none">none</option>
            {(milestones.data ?? []).map((m) => (
              <option value={m.id}>
                {m.title}
                {m.state === "closed" ? " (closed)" : ""}
              </option>
            ))}
            {filters.milestone && filters.milestone !== "none" && milestones.data && !milestones.data.some((m) => m.id === filters.milestone) && (
              <option value={filters.milestone}>milestone {filters.milestone}</option>
            )}
          </select>
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
              <IssueRows issues={list} base={base} labelHref={labelHref} />
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
