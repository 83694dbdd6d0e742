import { api, must } from "../../api/client";
import { passkeysSupported, registerPasskey } from "../../api/webauthn";
import { Empty, ErrorBox, Field, Form, Show, str, Time, useAction, useLoad, useTitle } from "../../components";

export default function Passkeys() {
  useTitle("Passkeys");
  const passkeys = useLoad(() => must(api.GET("/api/user/passkeys")), []);
  const remove = useAction(async (id: string) => {
    if (!confirm("Delete this passkey? You can no longer sign in with it.")) return;
    await must(api.DELETE("/api/user/passkeys/{passkey_id}", { params: { path: { passkey_id: Number(id) } } }));
    passkeys.reload();
  });
  return (
    <div class="stack">
      <h1>Passkeys</h1>
      <p class="muted">Sign in with your device's screen lock or a security key instead of a password.</p>
      <Show loaded={passkeys}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No passkeys yet.">Add one below, then choose “Sign in with a passkey” next time.</Empty>
          ) : (
            <ul class="list" data-testid="passkeys">
              {list.map((p) => (
                <li>
                  <div class="list-main">
                    <div class="list-title">{p.name}</div>
                    <div class="muted">
                      added <Time at={p.created_at} />, last used <Time at={p.last_used_at} />
                    </div>
                  </div>
                  <button class="btn btn-small btn-danger" disabled={remove.busy} onClick={() => void remove.run(p.id)}>
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <ErrorBox error={remove.error} />
      <h2>Add a passkey</h2>
      {passkeysSupported() ? (
        <Form
          submit="Add passkey"
          resetOnSuccess
          onSubmit={async (data) => {
            await registerPasskey(str(data, "name") || "passkey");
            passkeys.reload();
          }}
        >
          <Field label="Name" hint="Which device or key this is, e.g. laptop.">
            <input name="name" required maxLength={100} />
          </Field>
        </Form>
      ) : (
        <p>This browser cannot make passkeys (WebAuthn is missing, or the page is not on https or localhost).</p>
      )}
    </div>
  );
}
