import type { Project } from "../../api/client";
import { Time } from "../../components";

export function ProjectList(props: { projects: Project[] }) {
  return (
    <ul class="list" data-testid="projects">
      {props.projects.map((p) => (
        <li>
          <div class="list-main">
            <a class="list-title" href={`/${p.path}`}>
              {p.path}
            </a>
            {p.description && <div class="muted">{p.description}</div>}
          </div>
          <div class="row">
            {p.archived && <span class="badge badge-warning">archived</span>}
            <span class="badge">{p.visibility}</span>
            <span class="muted nowrap">
              updated <Time at={p.updated_at} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
