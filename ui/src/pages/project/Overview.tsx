import { api, must, rawUrl } from "../../api/client";
import { CopyButton, Show, Time, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { Markdown } from "../../markdown";
import { encodePath } from "../../router";
import { EmptyRepository, repoHref } from "./refs";

const README = /^readme(\.(md|markdown|txt|rst))?$/i;

/** A path relative to a directory of the repository, with ./ and ../ resolved. */
function join(dir: string, rel: string): string {
  const out = dir ? dir.split("/") : [];
  for (const part of rel.split(/[?#]/)[0]!.split("/")) {
    if (part === "..") out.pop();
    else if (part && part !== ".") out.push(part);
  }
  return out.join("/");
}

export default function Overview() {
  const { project, base } = useProject();
  const ref = project.default_branch;
  const loaded = useLoad(async () => {
    const p = { path: { project: project.id } };
    const branches = await must(api.GET("/api/projects/{project}/repository/branches", { params: p }));
    if (!branches.length) return { empty: true as const };
    const tree = await must(api.GET("/api/projects/{project}/repository/tree", { params: { ...p, query: { ref } } }));
    const entry = tree.entries.find((e) => e.type === "blob" && README.test(e.name));
    const readme = entry
      ? await must(api.GET("/api/projects/{project}/repository/blob", { params: { ...p, query: { ref, path: entry.path } } }))
      : null;
    const head = branches.find((b) => b.name === ref) ?? branches[0]!;
    return { empty: false as const, tree, readme, head, branches: branches.length };
  }, [project.id, ref]);

  return (
    <div class="stack">
      <div class="clone">
        <span class="field-label">Clone</span>
        <input readOnly value={project.http_url} aria-label="Clone URL" data-testid="clone-url" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={project.http_url} label="Copy URL" />
      </div>
      <Show loaded={loaded}>
        {(d) =>
          d.empty ? (
            <EmptyRepository url={project.http_url} branch={ref} />
          ) : (
            <>
              <div class="card">
                <div class="card-header spread">
                  <span>
                    <a href={`${base}/-/commit/${d.head.commit.sha}`} class="commit-sha">
                      {d.head.commit.sha.slice(0, 10)}
                    </a>{" "}
                    {d.head.commit.title}
                  </span>
                  <span class="muted">
                    {d.head.commit.author.name}, <Time at={d.head.commit.authored_at} />
                  </span>
                </div>
                <ul class="tree">
                  {d.tree.entries.map((e) => (
                    <li>
                      <span class="icon" aria-hidden="true">{e.type === "tree" ? "▸" : "·"}</span>
                      <a href={repoHref(base, e.type === "tree" ? "tree" : "blob", ref, e.path, ref)}>{e.name}</a>
                    </li>
                  ))}
                </ul>
              </div>
              <p class="muted">
                <a href={`${base}/-/branches`}>{d.branches} branch{d.branches === 1 ? "" : "es"}</a> ·{" "}
                <a href={`${base}/-/commits`}>history</a> ·{" "}
                <a href={`/api/projects/${project.id}/repository/archive?ref=${encodeURIComponent(ref)}`} download>
                  download .tar.gz
                </a>
              </p>
              {d.readme && (
                <div class="card">
                  <div class="card-header">{d.readme.path}</div>
                  <div class="card-body">
                    {/\.(md|markdown)$/i.test(d.readme.path) && d.readme.encoding === "text" ? (
                      <Markdown
                        source={d.readme.content}
                        options={{
                          link: (href) => `${base}/-/blob/${encodePath(join("", href))}`,
                          image: (src) => rawUrl(project.id, ref, join("", src)),
                        }}
                      />
                    ) : (
                      <pre>{d.readme.encoding === "text" ? d.readme.content : "(binary)"}</pre>
                    )}
                  </div>
                </div>
              )}
            </>
          )
        }
      </Show>
    </div>
  );
}
