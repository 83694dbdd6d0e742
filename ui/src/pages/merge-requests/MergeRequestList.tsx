import { api, mustPage } from "../../api/client";
import { Empty, Show, Time, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { LabelBadge, StateBadge } from "../issues/shared";

const STATES = ["open", "merged", "closed", "all"] as const;
type State = (typeof STATES)[number];

export default function MergeRequestList({ query }: PageProps) {
  const { project, base, can } = useProject();
  const state: State = (STATES as readonly string[]).includes(query.get("state") ?? "") ? (query.get("state") as State) : "open";
  const mrs = useLoad(
    () => mustPage(api.GET("/api/projects/{project}/merge-requests", { params: { path: { project: project.id }, query: { state, per_page: 100 } } })),
    [project.id, state],
  );
  return (
    <div class="stack">
      <div class="toolbar">
        <div class="row" role="group" aria-label="State">
          {STATES.map((s) => (
            <button class="btn btn-small" aria-pressed={s === state} onClick={() => navigate(`${location.pathname}?state=${s}`)}>
              {s}
            </button>
          ))}
        </div>
        <span class="grow" />
        {can("merge_request:write") && (
          <a class="btn btn-primary" href={`${base}/-/merge_requests/new`}>
            New merge request
          </a>
        )}
      </div>
      <Show loaded={mrs}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty title={state === "open" ? "No open merge requests." : `No ${state} merge requests.`}>
              Push a branch, then <a href={`${base}/-/merge_requests/new`}>propose merging it</a>.
            </Empty>
          ) : (
            <ul class="list" data-testid="merge-requests">
              {page.items.map((m) => (
                <li>
                  <div class="list-main">
                    <div class="row">
                      <a class="list-title" href={`${base}/-/merge_requests/${m.iid}`}>
                        {m.draft && <span class="badge">draft</span>} {m.title}
                      </a>
                      {m.labels.map((l) => (
                        <LabelBadge label={l} />
                      ))}
                    </div>
                    <div class="muted">
                      !{m.iid} · <code>{m.source_branch}</code> → <code>{m.target_branch}</code> · opened{" "}
                      <Time at={m.created_at} /> by {m.author?.username ?? "someone"}
                    </div>
                  </div>
                  <div class="row">
                    {m.approvals.required > 0 && (
                      <span class="muted">
                        {m.approvals.given}/{m.approvals.required} approvals
                      </span>
                    )}
                    <StateBadge state={m.state} />
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
