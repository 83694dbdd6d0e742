import { api, mustPage } from "../../api/client";
import { Empty, Show, useLoad, useTitle } from "../../components";
import type { PageProps } from "../../router";
import { useUser } from "../../session";
import { ProjectList } from "./ProjectList";

export default function Owner({ params }: PageProps) {
  const owner = params.owner!;
  useTitle(owner);
  const user = useUser();
  const projects = useLoad(() => mustPage(api.GET("/api/projects", { params: { query: { owner, per_page: 100 } } })), [owner]);
  return (
    <div class="stack">
      <h1>{owner}</h1>
      <Show loaded={projects}>
        {(page) =>
          page.items.length ? (
            <ProjectList projects={page.items} />
          ) : (
            <Empty title={`No projects of ${owner} that you can see.`}>
              {user?.username === owner ? <a href="/-/new">Create a project</a> : "Their projects may be private."}
            </Empty>
          )
        }
      </Show>
    </div>
  );
}
