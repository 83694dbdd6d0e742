import { useState } from "preact/hooks";
import { api, must } from "../../api/client";
import { Field, Form, Notice, useTitle } from "../../components";
import { useUser } from "../../session";

const MIN_PASSWORD = 10; // dais/actors/identity/rules.py

export default function Password() {
  useTitle("Password");
  const user = useUser()!;
  const [ended, setEnded] = useState<number | null>(null);
  if (user.kind !== "human")
    return (
      <div class="stack">
        <h1>Password</h1>
        <p>
          {user.kind === "agent" ? "Agents" : "Services"} have no password: they sign in with{" "}
          <a href="/settings/tokens">API tokens</a>.
        </p>
      </div>
    );
  return (
    <div class="stack">
      <h1>Password</h1>
      <p class="muted">Changing it signs out every other session of yours; this one stays signed in.</p>
      {ended !== null && (
        <Notice kind="success">
          Password changed.{" "}
          {ended === 0 ? "No other session was signed in." : `${ended} other session${ended === 1 ? " was" : "s were"} signed out.`}
        </Notice>
      )}
      <Form
        submit="Change password"
        resetOnSuccess
        onSubmit={async (data) => {
          setEnded(null);
          const next = String(data.get("new_password") ?? "");
          if (next !== String(data.get("again") ?? "")) throw new Error("The two new passwords differ.");
          const done = await must(
            api.POST("/api/user/password", { body: { current_password: String(data.get("current_password") ?? ""), new_password: next } }),
          );
          setEnded(done.sessions_ended);
        }}
      >
        <Field label="Current password">
          <input name="current_password" type="password" autocomplete="current-password" required />
        </Field>
        <Field label="New password" hint={`At least ${MIN_PASSWORD} characters.`}>
          <input name="new_password" type="password" autocomplete="new-password" required minLength={MIN_PASSWORD} />
        </Field>
        <Field label="New password, again">
          <input name="again" type="password" autocomplete="new-password" required minLength={MIN_PASSWORD} />
        </Field>
      </Form>
    </div>
  );
}
