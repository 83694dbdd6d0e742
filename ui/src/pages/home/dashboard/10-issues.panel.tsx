// Dashboard: the open issues I opened or am assigned, in every project I can read, most
// recently updated first.
import { api, must } from "../../../api/client";
import { Empty, Show, Time, useLoad } from "../../../components";
import { useUser } from "../../../session";
import { StateBadge } from "../../issues/shared";

export default function RecentIssues() {
  const me = useUser();
  const issues = useLoad(
    () => must(api.GET("/api/user/issues", { params: { query: { scope: "all", state: "open", limit: 10 } } })),
    [me?.id],
  );
  return (
    <section class="stack" aria-labelledby="dashboard-issues">
      <h2 id="dashboard-issues">Issues</h2>
      <Show loaded={issues} label="Loading your issues…">
        {(list) =>
          list.length === 0 ? (
            <Empty title="No open issues involve you.">
              Issues you open, or that are assigned to you, show up here as they change.
            </Empty>
          ) : (
            <ul class="list" data-testid="my-issues">
              {list.map((i) => (
                <li>
                  <div class="list-main">
                    <a class="list-title" href={`/${i.project_path}/-/issues/${i.iid}`}>
                      {i.title}
                    </a>
                    <div class="muted">
                      <a href={`/${i.project_path}`}>{i.project_path}</a>#{i.iid} · updated <Time at={i.updated_at} />
                      {i.author && <> · opened by {i.author.id === me?.id ? "you" : i.author.username}</>}
                      {i.assignees.some((a) => a.id === me?.id) && <> · assigned to you</>}
                    </div>
                  </div>
                  <div class="row">
                    <StateBadge state={i.state} />
                    {i.comments > 0 && <span class="muted">💬 {i.comments}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
