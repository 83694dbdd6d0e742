import { Empty, Show, Time } from "../../components";
import { useProject } from "../../layouts/project";
import { useRefs } from "./refs";

export default function Tags() {
  const { project, base } = useProject();
  const refs = useRefs();
  return (
    <Show loaded={refs}>
      {({ tags }) =>
        tags.length === 0 ? (
          <Empty title="No tags yet.">
            Tag a release and push it: <code>git tag v1.0 && git push origin v1.0</code>
          </Empty>
        ) : (
          <ul class="list" data-testid="tags">
            {tags.map((t) => (
              <li>
                <div class="list-main">
                  <a class="list-title" href={`${base}/-/tree?ref=${encodeURIComponent(t.name)}`}>
                    {t.name}
                  </a>
                  {t.message && <div class="muted">{t.message}</div>}
                  <div class="muted">
                    <a class="commit-sha" href={`${base}/-/commit/${t.target}`}>
                      {t.target.slice(0, 10)}
                    </a>
                    {t.tagger && (
                      <>
                        {" "}
                        tagged by {t.tagger.name} <Time at={t.tagged_at} />
                      </>
                    )}
                  </div>
                </div>
                <a
                  class="btn btn-small"
                  href={`/api/projects/${project.id}/repository/archive?ref=${encodeURIComponent(t.name)}`}
                  download
                >
                  .tar.gz
                </a>
              </li>
            ))}
          </ul>
        )
      }
    </Show>
  );
}
