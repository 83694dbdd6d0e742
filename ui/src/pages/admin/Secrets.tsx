import { useState } from "preact/hooks";
import { api, must, mustPage } from "../../api/client";
import { Notice, Show, useLoad, useTitle } from "../../components";
import { NoSecrets, SecretForm, SecretRows, WRITE_ONLY } from "../secrets/shared";

/** The platform's secrets: every project's pipelines and deployments may use them. */
export default function PlatformSecrets() {
  useTitle("Platform secrets");
  const [done, setDone] = useState<string | null>(null);
  const secrets = useLoad(() => mustPage(api.GET("/api/admin/secrets", { params: { query: { per_page: 100 } } })), []);
  return (
    <div class="stack">
      <h1>Platform secrets</h1>
      <p class="muted">{WRITE_ONLY}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <Show loaded={secrets}>
        {({ items, total }) =>
          items.length === 0 ? (
            <NoSecrets />
          ) : (
            <div class="stack" data-testid="secrets">
              {total > items.length && <Notice kind="warning">Showing {items.length} of {total} secrets.</Notice>}
              <SecretRows
                items={[...items].sort((a, b) => a.name.localeCompare(b.name))}
                onDelete={async (s) => {
                  await must(api.DELETE("/api/admin/secrets/{name}", { params: { path: { name: s.name } } }));
                  setDone(`Deleted ${s.name}.`);
                  secrets.reload();
                }}
              />
            </div>
          )
        }
      </Show>
      <h2>Set a secret</h2>
      <SecretForm
        onSet={async (name, value) => {
          setDone(null);
          const s = await must(api.PUT("/api/admin/secrets/{name}", { params: { path: { name } }, body: { value } }));
          setDone(`Set ${s.name}: version ${s.version}.`);
          secrets.reload();
        }}
      />
    </div>
  );
}
