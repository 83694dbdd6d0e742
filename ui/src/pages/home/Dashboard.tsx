// The dashboard: the projects the caller can see, with a filter; panels that other features
// add (recent issues, merge requests) come from dashboard/*.panel.tsx, each loaded lazily.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, mustPage } from "../../api/client";
import { Empty, Show, useLoad, useTitle } from "../../components";
import { useUser } from "../../session";
import { ProjectList } from "./ProjectList";

const panelModules = import.meta.glob<{ default: ComponentType }>("./dashboard/*.panel.tsx");

function Panels() {
  const [panels, setPanels] = useState<ComponentType[]>([]);
  useEffect(() => {
    const names = Object.keys(panelModules).sort();
    void Promise.all(names.map((n) => panelModules[n]!().then((m) => m.default))).then(setPanels);
  }, []);
  return (
    <>
      {panels.map((Panel) => (
        <Panel />
      ))}
    </>
  );
}

export default function Dashboard() {
  useTitle("Projects");
  const user = useUser();
  const [q, setQ] = useState("");
  const projects = useLoad(
    () => mustPage(api.GET("/api/projects", { params: { query: { q: q || undefined, per_page: 100 } } })),
    [q, user?.id],
  );
  return (
    <div class="stack">
      <div class="spread">
        <h1>{user ? "Projects" : "Public projects"}</h1>
        {user ? (
          <a class="btn btn-primary" href="/-/new">
            New project
          </a>
        ) : (
          <a class="btn btn-primary" href="/login">
            Sign in
          </a>
        )}
      </div>
      <input
        type="search"
        placeholder="Filter projects by name"
        aria-label="Filter projects"
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
        style={{ width: "100%" }}
      />
      <Show loaded={projects}>
        {(page) =>
          page.items.length ? (
            <>
              <ProjectList projects={page.items} />
              {page.total > page.items.length && (
                <p class="muted">
                  Showing {page.items.length} of {page.total}; filter to find the rest.
                </p>
              )}
            </>
          ) : q ? (
            <Empty title={`No project matches “${q}”.`} />
          ) : user ? (
            <Empty title="No projects yet.">
              <a href="/-/new">Create your first project</a>, then push to it with git.
            </Empty>
          ) : (
            <Empty title="No public projects here.">
              <a href="/login">Sign in</a> to see the projects you are a member of.
            </Empty>
          )
        }
      </Show>
      {user && <Panels />}
    </div>
  );
}
