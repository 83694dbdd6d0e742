import { useState } from "preact/hooks";
import { api, must } from "../../api/client";
import { Field, Form, Notice, useTitle } from "../../components";
import { useUser } from "../../session";

export default function Password() {
  useTitle("Password");
  const user = useUser()!;
  const [saved, setSaved] = useState(false);
  if (!user.is_admin)
    return (
      <div class="stack">
        <h1>Password</h1>
        <p>
          Your password is set by an administrator (or with <code>dais admin reset-password {user.username}</code> on the
          server). To sign in without one, <a href="/settings/passkeys">add a passkey</a>.
        </p>
      </div>
    );
  return (
    <div class="stack">
      <h1>Password</h1>
      <p class="muted">Changing it signs your other sessions out.</p>
      {saved && <Notice kind="success">Password changed.</Notice>}
      <Form
        submit="Change password"
        resetOnSuccess
        onSubmit={async (data) => {
          setSaved(false);
          const password = String(data.get("password"));
          if (password !== String(data.get("again"))) throw new Error("The two passwords differ.");
          await must(api.PATCH("/api/admin/users/{user_id}", { params: { path: { user_id: Number(user.id) } }, body: { password } }));
          setSaved(true);
        }}
      >
        <Field label="New password">
          <input name="password" type="password" autocomplete="new-password" required minLength={8} />
        </Field>
        <Field label="New password, again">
          <input name="again" type="password" autocomplete="new-password" required minLength={8} />
        </Field>
      </Form>
    </div>
  );
}
