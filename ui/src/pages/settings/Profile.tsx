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
      {saved && <Notice kind="success">Profile saved.</Notice>}
      <Form
        submit="Save profile"
        onSubmit={async (data) => {
          setSaved(false);
          const email = str(data, "email");
          setUser(await must(api.PATCH("/api/user", { body: { display_name: str(data, "display_name"), email: email || null } })));
          setSaved(true);
        }}
      >
        <Field label="Display name" hint="How others see you beside your username.">
          <input name="display_name" value={user.display_name} maxLength={200} autocomplete="name" />
        </Field>
        <Field label="Email" hint="You can sign in with it too. Others never see it.">
          <input name="email" type="email" value={user.email ?? ""} autocomplete="email" />
        </Field>
      </Form>
    </div>
  );
}
