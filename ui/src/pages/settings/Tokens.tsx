import { useState } from "preact/hooks";
import { api, must, PERMISSIONS, type CreatedToken } from "../../api/client";
import { CopyButton, Empty, ErrorBox, Field, Form, Show, str, Time, useAction, useLoad, useTitle } from "../../components";

export function PermissionChecks(props: { name: string; permissions: string[]; all?: boolean }) {
  return (
    <fieldset>
      <legend>Permissions</legend>
      <div class="checks">
        {props.all && (
          <label class="checkbox">
            <input type="checkbox" name={props.name} value="*" /> <strong>everything I may do (*)</strong>
          </label>
        )}
        {props.permissions.map((p) => (
          <label class="checkbox">
            <input type="checkbox" name={props.name} value={p} /> {p}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default function Tokens() {
  useTitle("API tokens");
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const tokens = useLoad(async () => {
    const list = await must(api.GET("/api/user/tokens"));
    // A token's scopes narrow what its owner may do, wherever they may do it.
    return { list, held: PERMISSIONS };
  }, []);
  const revoke = useAction(async (id: string) => {
    if (!confirm("Revoke this token? Whatever uses it stops working.")) return;
    await must(api.DELETE("/api/user/tokens/{token_id}", { params: { path: { token_id: Number(id) } } }));
    tokens.reload();
  });
  return (
    <div class="stack">
      <h1>API tokens</h1>
      <p class="muted">
        Tokens authenticate scripts, agents and git: <code>Authorization: Bearer dais_pat_…</code>, or as the password of a
        git URL.
      </p>
      {created && (
        <div class="alert alert-success" data-testid="new-token">
          <strong>Token {created.name} created.</strong> Copy it now: it is shown only once.
          <div class="secret">
            <code>{created.token}</code>
            <CopyButton text={created.token} />
          </div>
        </div>
      )}
      <Show loaded={tokens}>
        {({ list, held }) => (
          <>
            {list.length === 0 ? (
              <Empty title="No tokens yet.">Create one below for a script, an agent or git.</Empty>
            ) : (
              <div class="table-wrap">
                <table class="table" data-testid="tokens">
                  <thead>
                    <tr><th>Name</th><th>Scopes</th><th>Last used</th><th>Expires</th><th /></tr>
                  </thead>
                  <tbody>
                    {list.map((t) => (
                      <tr>
                        <td>
                          {t.name} <span class="muted mono">…{t.last4}</span>
                        </td>
                        <td>{t.scopes.join(", ")}</td>
                        <td><Time at={t.last_used_at} /></td>
                        <td><Time at={t.expires_at} never="never" /></td>
                        <td class="right">
                          <button class="btn btn-small btn-danger" disabled={revoke.busy} onClick={() => void revoke.run(t.id)}>
                            Revoke
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <ErrorBox error={revoke.error} />
            <h2>New token</h2>
            <Form
              submit="Create token"
              resetOnSuccess
              onSubmit={async (data) => {
                const scopes = data.getAll("scopes").map(String);
                if (!scopes.length) throw new Error("Choose at least one permission (or *).");
                const days = Number(str(data, "days") || "0");
                const expires_at = days ? new Date(Date.now() + days * 86400000).toISOString() : null;
                setCreated(
                  await must(
                    api.POST("/api/user/tokens", {
                      body: { name: str(data, "name"), scopes: scopes.includes("*") ? ["*"] : scopes, expires_at },
                    }),
                  ),
                );
                tokens.reload();
              }}
            >
              <Field label="Name" hint="What uses it, e.g. laptop git, deploy script.">
                <input name="name" required maxLength={100} />
              </Field>
              <PermissionChecks name="scopes" permissions={held} all />
              <Field label="Expires in (days)" hint="Empty: never.">
                <input name="days" type="number" min={1} max={3650} />
              </Field>
            </Form>
          </>
        )}
      </Show>
    </div>
  );
}
