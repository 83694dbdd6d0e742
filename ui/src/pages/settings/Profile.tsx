import { useState } from "preact/hooks";
import { api, must } from "../../api/client";
import { Field, Form, Notice, str, Time, useTitle } from "../../components";
import { setUser, useUser } from "../../session";

export default function Profile() {
  useTitle("Profile");
  const user = useUser()!;
  const [saved, setSaved] = useState(false);
  return (
    <div class="stack">
      <h1>Profile</h1>
      <dl class="facts">
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Kind</dt>
        <dd>{user.kind}{user.is_admin && <> · <span class="badge badge-accent">administrator</span></>}</dd>
        <dt>Member since</dt>
        <dd><Time at={user.created_at} /></dd>
        <dt>Last sign-in</dt>
        <dd><Time at={user.last_login_at} /></dd>
      </dl>
      {saved && <Notice kind="success">Saved.</Notice>}
      {user.is_admin ? (
        <Form
          submit="Save profile"
          onSubmit={async (data) => {
            setSaved(false);
            const email = str(data, "email");
            setUser(
              await must(
                api.PATCH("/api/admin/users/{user_id}", {
                  params: { path: { user_id: Number(user.id) } },
                  body: { display_name: str(data, "display_name"), email: email || null },
                }),
              ),
            );
            setSaved(true);
          }}
        >
          <Field label="Display name">
            <input name="display_name" value={user.display_name} maxLength={200} />
          </Field>
          <Field label="Email">
            <input name="email" type="email" value={user.email ?? ""} />
          </Field>
        </Form>
      ) : (
        <dl class="facts">
          <dt>Display name</dt>
          <dd>{user.display_name || <span class="muted">not set</span>}</dd>
          <dt>Email</dt>
          <dd>{user.email ?? <span class="muted">not set</span>}</dd>
          <dt />
          <dd class="muted">An administrator changes these for you.</dd>
        </dl>
      )}
    </div>
  );
}
