import { api, ApiError, nextLink, type Commit } from "../../api/client";
import { Empty, Show, Time, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { CommitStatusIcon } from "../pipelines/PipelineStatus";
import { RefSwitcher } from "./refs";

export function CommitRow(props: { c: Commit; base: string }) {
  const { c } = props;
  const { project } = useProject();
  return (
    <li>
      <div class="list-main">
        <a class="list-title" href={`${props.base}/-/commit/${c.sha}`}>
          {c.title || "(no message)"}
        </a>
        <div class="muted">
          {c.author.name} committed <Time at={c.committed_at} />
        </div>
      </div>
      <span class="row">
        <CommitStatusIcon projectId={project.id} sha={c.sha} base={props.base} />
        <a class="commit-sha" href={`${props.base}/-/commit/${c.sha}`}>
          {c.sha.slice(0, 10)}
        </a>
      </span>
    </li>
  );
}

export default function Commits({ query }: PageProps) {
  const { project, base } = useProject();
  const ref = query.get("ref") || project.default_branch;
  const path = query.get("path") || undefined;
  const page = Number(query.get("page") || "1");
  const commits = useLoad(async () => {
    const { data, error, response } = await api.GET("/api/projects/{project}/repository/commits", {
      params: { path: { project: project.id }, query: { ref, path, page, per_page: 30 } },
    });
    if (!response.ok) {
      const branches = await api.GET("/api/projects/{project}/repository/branches", { params: { path: { project: project.id } } });
      if (branches.data && branches.data.length === 0) return { items: [], more: false };
      throw new ApiError(response.status, (error ?? {}) as object);
    }
    return { items: data!, more: nextLink(response) !== null };
  }, [project.id, ref, path, page]);
  const go = (p: number) => {
    const q = new URLSearchParams(location.search);
    q.set("page", String(p));
    navigate(`${location.pathname}?${q}`);
  };
  return (
    <div class="stack">
      <div class="toolbar">
        <RefSwitcher current={ref} />
        {path && (
          <span class="muted">
            touching <code>{path}</code>
          </span>
        )}
      </div>
      <Show loaded={commits}>
        {(c) =>
          c.items.length === 0 ? (
            <Empty title="No commits yet.">Push to this project and its history shows here.</Empty>
          ) : (
            <>
              <ul class="list" data-testid="commits">
                {c.items.map((commit) => (
                  <CommitRow c={commit} base={base} />
                ))}
              </ul>
              <div class="pager">
                <button class="btn" disabled={page <= 1} onClick={() => go(page - 1)}>
                  Newer
                </button>
                <button class="btn" disabled={!c.more} onClick={() => go(page + 1)}>
                  Older
                </button>
              </div>
            </>
          )
        }
      </Show>
    </div>
  );
}
