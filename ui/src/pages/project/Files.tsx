import { api, must } from "../../api/client";
import { Empty, Show, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import type { PageProps } from "../../router";
import { Crumbs, EmptyRepository, RefSwitcher, repoHref } from "./refs";

export default function Files({ params, query }: PageProps) {
  const { project, base } = useProject();
  const ref = query.get("ref") || project.default_branch;
  const path = params.path ?? "";
  const tree = useLoad(
    async () => {
      const branches = await must(api.GET("/api/projects/{project}/repository/branches", { params: { path: { project: project.id } } }));
      if (!branches.length) return null;
      return must(
        api.GET("/api/projects/{project}/repository/tree", {
          params: { path: { project: project.id }, query: { ref, path: path || undefined } },
        }),
      );
    },
    [project.id, ref, path],
  );
  return (
    <div class="stack">
      <div class="toolbar">
        <RefSwitcher current={ref} />
        <Crumbs base={base} ref={ref} defaultRef={project.default_branch} path={path} name={project.name} />
        <span class="grow" />
        <a class="btn btn-small" href={`${base}/-/commits?ref=${encodeURIComponent(ref)}`}>
          History
        </a>
      </div>
      <Show loaded={tree}>
        {(t) =>
          t === null ? (
            <EmptyRepository url={project.http_url} branch={project.default_branch} />
          ) : t.entries.length === 0 ? (
            <Empty title="This directory is empty." />
          ) : (
            <ul class="tree" data-testid="tree">
              {path && (
                <li>
                  <span class="icon" aria-hidden="true">↰</span>
                  <a href={repoHref(base, "tree", ref, path.split("/").slice(0, -1).join("/"), project.default_branch)}>..</a>
                </li>
              )}
              {t.entries.map((e) => (
                <li>
                  <span class="icon" aria-hidden="true">{e.type === "tree" ? "▸" : e.type === "commit" ? "◆" : "·"}</span>
                  {e.type === "commit" ? (
                    <span title="submodule">{e.name} @ {e.sha.slice(0, 8)}</span>
                  ) : (
                    <a href={repoHref(base, e.type === "tree" ? "tree" : "blob", ref, e.path, project.default_branch)}>{e.name}</a>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </div>
  );
}
