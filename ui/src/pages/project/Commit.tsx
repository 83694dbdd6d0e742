import { api, must } from "../../api/client";
import { Show, Time, useLoad } from "../../components";
import { Diff } from "../../diff";
import { useProject } from "../../layouts/project";
import type { PageProps } from "../../router";

export default function Commit({ params }: PageProps) {
  const { project, base } = useProject();
  const sha = params.sha!;
  const commit = useLoad(
    () => must(api.GET("/api/projects/{project}/repository/commits/{sha}", { params: { path: { project: project.id, sha } } })),
    [project.id, sha],
  );
  return (
    <Show loaded={commit} label="Loading the commit and its diff…">
      {(c) => {
        const body = c.message.slice(c.title.length).trim();
        return (
          <div class="stack">
            <div class="card">
              <div class="card-header">
                <h2 style={{ margin: 0 }}>{c.title || "(no message)"}</h2>
              </div>
              <div class="card-body stack">
                {body && <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{body}</pre>}
                <dl class="facts">
                  <dt>Commit</dt>
                  <dd class="mono">{c.sha}</dd>
                  <dt>Author</dt>
                  <dd>
                    {c.author.name} &lt;{c.author.email}&gt;, <Time at={c.authored_at} />
                  </dd>
                  {(c.committer.email !== c.author.email || c.committer.name !== c.author.name) && (
                    <>
                      <dt>Committer</dt>
                      <dd>
                        {c.committer.name}, <Time at={c.committed_at} />
                      </dd>
                    </>
                  )}
                  <dt>Parents</dt>
                  <dd>
                    {c.parents.length === 0
                      ? "none (the first commit)"
                      : c.parents.map((p) => (
                          <>
                            <a class="commit-sha" href={`${base}/-/commit/${p}`}>
                              {p.slice(0, 10)}
                            </a>{" "}
                          </>
                        ))}
                  </dd>
                  <dt>Changes</dt>
                  <dd>
                    {c.stats.files} file{c.stats.files === 1 ? "" : "s"},{" "}
                    <span class="stat-add">+{c.stats.additions}</span> <span class="stat-del">−{c.stats.deletions}</span>
                  </dd>
                </dl>
                <div class="row">
                  <a class="btn btn-small" href={`${base}/-/tree?ref=${c.sha}`}>
                    Browse files at this commit
                  </a>
                </div>
              </div>
            </div>
            <Diff diff={c.diff} />
          </div>
        );
      }}
    </Show>
  );
}
