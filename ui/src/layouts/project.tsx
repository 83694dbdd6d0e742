// Every page of a project: loads the project (and what the caller may do there), shows its
// header and tabs, and hands both to the page through useProject().
import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { api, must, type Project } from "../api/client";
import { ErrorBox, Spinner, useLoad, useTitle } from "../components";
import { allRoutes, fill, Link, type Match, type RouteDef } from "../router";
import { useUser } from "../session";

export interface ProjectContext {
  project: Project;
  /** what the caller may do here (project:read, project:write, project:admin, ...) */
  can: (permission: string) => boolean;
  reload: () => void;
  /** "/owner/name", the start of every page of this project */
  base: string;
}

const Context = createContext<ProjectContext | null>(null);

export function useProject(): ProjectContext {
  const found = useContext(Context);
  if (!found) throw new Error("useProject() outside a project page");
  return found;
}

/** The project of the page, if it is a project's page (Markdown links `#12` and `!3` there). */
export const useProjectIfAny = (): ProjectContext | null => useContext(Context);

const hrefOf = (r: RouteDef, params: Match["params"]) =>
  r.nav!.href ? r.nav!.href(params) : fill(r.path, params);

export function ProjectLayout(props: { match: Match; children: ComponentChildren }) {
  const user = useUser();
  const owner = props.match.params.owner!;
  const name = props.match.params.name!.replace(/\.git$/, "");
  const path = `${owner}/${name}`;
  const loaded = useLoad(async () => {
    const project = await must(api.GET("/api/projects/{project}", { params: { path: { project: path } } }));
    let held: string[] = [];
    if (user) {
      const p = await must(
        api.GET("/api/user/permissions", { params: { query: { project_id: Number(project.id) } } }),
      );
      held = p.permissions;
    }
    return { project, held: new Set(held) };
  }, [path, user?.id]);
  const def = props.match.def;
  useTitle(def.title ? `${def.title} · ${path}` : path);

  if (loaded.error) return <main class="main"><ErrorBox error={loaded.error} /></main>;
  if (!loaded.data) return <main class="main"><Spinner /></main>;
  const { project, held } = loaded.data;
  const can = (p: string) => held.has(p);
  const params = { ...props.match.params, owner, name };
  const visible = (r: RouteDef) => !r.nav!.permission || can(r.nav!.permission);
  const tabs = allRoutes()
    .filter((r) => r.nav?.section === "project" && visible(r))
    .sort((a, b) => a.nav!.order - b.nav!.order);
  const settings = allRoutes()
    .filter((r) => r.nav?.section === "project-settings" && visible(r))
    .sort((a, b) => a.nav!.order - b.nav!.order);
  const inSettings = def.nav?.section === "project-settings";
  const activeTab = inSettings ? null : (def.nav?.section === "project" ? def : tabFor(def, tabs));
  const context: ProjectContext = { project, can, reload: loaded.reload, base: `/${path}` };

  return (
    <Context.Provider value={context}>
      <div class="project-header">
        <div class="project-title">
          <h1>
            <a href={`/${owner}`}>{owner}</a> / <a href={`/${path}`}>{project.name}</a>
          </h1>
          <span class="badge">{project.visibility}</span>
          {project.archived && <span class="badge badge-warning">archived</span>}
        </div>
        {project.description && <p class="muted project-description">{project.description}</p>}
        <nav class="tabs" aria-label="Project">
          {tabs.map((r) => (
            <a href={hrefOf(r, params)} aria-current={r === activeTab ? "page" : undefined}>
              {r.nav!.label}
            </a>
          ))}
          {settings.length > 0 && (
            <a href={hrefOf(settings[0]!, params)} aria-current={inSettings ? "page" : undefined}>
              Settings
            </a>
          )}
        </nav>
      </div>
      {inSettings ? (
        <main class="main with-sidebar">
          <nav class="sidebar" aria-label="Project settings">
            {settings.map((r) => (
              <Link href={hrefOf(r, params)}>{r.nav!.label}</Link>
            ))}
          </nav>
          <div class="content">{props.children}</div>
        </main>
      ) : (
        <main class="main">{props.children}</main>
      )}
    </Context.Provider>
  );
}

/** The tab a page without one of its own belongs to: the tab whose path starts its path. */
function tabFor(def: RouteDef, tabs: RouteDef[]): RouteDef | null {
  return tabs.find((t) => t.nav!.label === def.tab) ?? null;
}
