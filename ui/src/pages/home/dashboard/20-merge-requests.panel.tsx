// Dashboard: the open merge requests I opened, am assigned or asked to review, in every
// project I can read, most recently updated first.
import { api, mustPage } from "../../../api/client";
import { Empty, Show, Time, useLoad } from "../../../components";
import { useUser } from "../../../session";
import { StateBadge } from "../../issues/shared";

export default function RecentMergeRequests() {
  const me = useUser();
  const mrs = useLoad(
    () => mustPage(api.GET("/api/user/merge-requests", { params: { query: { scope: "all", state: "open", per_page: 10 } } })),
    [me?.id],
  );
  return (
    <section class="stack" aria-labelledby="dashboard-merge-requests">
      <h2 id="dashboard-merge-requests">Merge requests</h2>
      <Show loaded={mrs} label="Loading your merge requests…">
        {({ items }) =>
          items.length === 0 ? (
            <Empty title="No open merge requests involve you.">
              Merge requests you open, are assigned or are asked to review show up here as they change.
            </Empty>
          ) : (
            <ul class="list" data-testid="my-merge-requests">
              {items.map((m) => {
                const role = m.reviewers.some((r) => r.id === me?.id)
                  ? "review requested"
                  : m.assignees.some((a) => a.id === me?.id)
                    ? "assigned to you"
                    : m.author?.id === me?.id
                      ? "opened by you"
                      : null;
                return (
                  <li>
                    <div class="list-main">
                      <a class="list-title" href={`/${m.project_path}/-/merge_requests/${m.iid}`}>
                        {m.draft && <span class="badge">draft</span>} {m.title}
                      </a>
                      <div class="muted">
                        <a href={`/${m.project_path}`}>{m.project_path}</a>!{m.iid} · <code>{m.source_branch}</code> →{" "}
                        <code>{m.target_branch}</code> · updated <Time at={m.updated_at} />
                        {role && <> · {role}</>}
                      </div>
                    </div>
                    <div class="row">
                      {m.approvals.required > 0 && (
                        <span class="muted">
                          {m.approvals.given}/{m.approvals.required} approvals
                        </span>
                      )}
                      {m.conflicts.length > 0 && <span class="badge badge-warning">conflicts</span>}
                      <StateBadge state={m.state} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
