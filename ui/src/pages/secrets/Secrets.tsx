import { useState } from "preact/hooks";
import { api, must, mustPage } from "../../api/client";
import { Notice, Show, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { NoSecrets, SecretForm, SecretRows, WRITE_ONLY, type SecretItem } from "./shared";

const ALL = "all environments";

/** The secrets by environment: project-wide ones first, then each environment by name. */
function byEnvironment(items: SecretItem[]): [string, SecretItem[]][] {
  const groups = new Map<string, SecretItem[]>();
  for (const s of items) {
    const key = s.environment ?? "";
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)))
    .map(([env, list]) => [env || ALL, list.sort((x, y) => x.name.localeCompare(y.name))]);
}

export default function Secrets() {
  const { project, can } = useProject();
  const [done, setDone] = useState<string | null>(null);
  const path = { project: project.id };
  // Every environment's, in one list (a project holds a few dozen at most: the API's
  // largest page is plenty).
  const secrets = useLoad(
    () => mustPage(api.GET("/api/projects/{project}/secrets", { params: { path, query: { per_page: 100 } } })),
    [project.id],
  );
  const writable = can("secret:write") && !project.archived;
  return (
    <div class="stack">
      <h2>Secrets</h2>
      <p class="muted">{WRITE_ONLY}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <Show loaded={secrets}>
        {({ items, total }) =>
          items.length === 0 ? (
            <NoSecrets>{writable ? "Set one below; pipelines and deployments see it as an environment variable." : null}</NoSecrets>
          ) : (
            <div class="stack" data-testid="secrets">
              {total > items.length && <Notice kind="warning">Showing {items.length} of {total} secrets.</Notice>}
              {byEnvironment(items).map(([label, list]) => (
                <section class="stack" aria-label={label}>
                  <h3>{label === ALL ? "All environments" : label}</h3>
                  <SecretRows
                    items={list}
                    onDelete={async (s) => {
                      await must(
                        api.DELETE("/api/projects/{project}/secrets/{name}", {
                          params: { path: { ...path, name: s.name }, query: { environment: s.environment ?? undefined } },
                        }),
                      );
                      setDone(`Deleted ${s.name}${s.environment ? ` (${s.environment})` : ""}.`);
                      secrets.reload();
                    }}
                  />
                </section>
              ))}
            </div>
          )
        }
      </Show>
      {project.archived ? (
        <p class="muted">The project is archived: its secrets are read-only.</p>
      ) : writable ? (
        <>
          <h2>Set a secret</h2>
          <SecretForm
            environments
            onSet={async (name, value, environment) => {
              setDone(null);
              const s = await must(
                api.PUT("/api/projects/{project}/secrets/{name}", {
                  params: { path: { ...path, name }, query: { environment } },
                  body: { value },
                }),
              );
              setDone(`Set ${s.name} for ${s.environment ?? ALL}: version ${s.version}.`);
              secrets.reload();
            }}
          />
        </>
      ) : (
        <p class="muted">Setting a secret needs the secret:write permission on this project.</p>
      )}
    </div>
  );
}
