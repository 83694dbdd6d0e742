import { useState } from "preact/hooks";
import { api, must, mustPage, type User } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Notice, Show, str, Time, useAction, useLoad, useTitle } from "../../components";
import { useUser } from "../../session";

const PAGE = 50;

function UserRow(props: { u: User; me: User; changed: () => void }) {
  const { u } = props;
  const patch = useAction(async (body: Record<string, unknown>) => {
    await must(api.PATCH("/api/admin/users/{user_id}", { params: { path: { user_id: Number(u.id) } }, body }));
    props.changed();
  });
  const remove = useAction(async () => {
    if (!confirm(`Delete the user ${u.username}? This cannot be undone.`)) return;
    await must(api.DELETE("/api/admin/users/{user_id}", { params: { path: { user_id: Number(u.id) } } }));
    props.changed();
  });
  const self = u.id === props.me.id;
  return (
    <tr>
      <td>
        <strong>{u.username}</strong> {u.display_name && <span class="muted">{u.display_name}</span>}
        <div class="muted">{u.email}</div>
        <ErrorBox error={patch.error ?? remove.error} />
      </td>
      <td>
        {u.kind} {u.is_admin && <span class="badge badge-accent">admin</span>}{" "}
        {!u.active && <span class="badge badge-warning">disabled</span>}
      </td>
      <td><Time at={u.last_login_at} /></td>
      <td class="right">
        <div class="row" style={{ justifyContent: "flex-end" }}>
          {!self && (
            <button class="btn btn-small" disabled={patch.busy} onClick={() => void patch.run({ active: !u.active })}>
              {u.active ? "Disable" : "Enable"}
            </button>
          )}
          {!self && (
            <button class="btn btn-small" disabled={patch.busy} onClick={() => void patch.run({ is_admin: !u.is_admin })}>
              {u.is_admin ? "Revoke admin" : "Make admin"}
            </button>
          )}
          <button
            class="btn btn-small"
            disabled={patch.busy}
            onClick={() => {
              const password = prompt(`New password for ${u.username} (signs their sessions out):`);
              if (password) void patch.run({ password });
            }}
          >
            Set password
          </button>
          {!self && (
            <button class="btn btn-small btn-danger" disabled={remove.busy} onClick={() => void remove.run()}>
              Delete
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

export default function Users() {
  useTitle("Users");
  const me = useUser()!;
  const [q, setQ] = useState("");
  const [offset, setOffset] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const users = useLoad(
    () => mustPage(api.GET("/api/admin/users", { params: { query: { q: q || undefined, per_page: PAGE, page: offset / PAGE + 1 } } })),
    [q, offset],
  );
  return (
    <div class="stack">
      <h1>Users</h1>
      <input
        type="search"
        placeholder="Find by name or email"
        aria-label="Find users"
        value={q}
        onInput={(e) => {
          setQ(e.currentTarget.value);
          setOffset(0);
        }}
      />
      <Show loaded={users}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty title={q ? `Nobody matches “${q}”.` : "No users."} />
          ) : (
            <>
              <div class="table-wrap">
                <table class="table" data-testid="users">
                  <thead>
                    <tr><th>User</th><th>Kind</th><th>Last sign-in</th><th /></tr>
                  </thead>
                  <tbody>
                    {page.items.map((u) => (
                      <UserRow u={u} me={me} changed={users.reload} />
                    ))}
                  </tbody>
                </table>
              </div>
              <div class="pager">
                <button class="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  Previous
                </button>
                <span class="muted">
                  {offset + 1}–{offset + page.items.length} of {page.total}
                </span>
                <button class="btn" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
                  Next
                </button>
              </div>
            </>
          )
        }
      </Show>
      <h2>New user</h2>
      {created && <Notice kind="success">User {created} created.</Notice>}
      <Form
        submit="Create user"
        resetOnSuccess
        onSubmit={async (data) => {
          setCreated(null);
          const u = await must(
            api.POST("/api/admin/users", {
              body: {
                username: str(data, "username"),
                email: str(data, "email") || null,
                display_name: str(data, "display_name"),
                kind: str(data, "kind") as "human",
                password: String(data.get("password") || "") || null,
                is_admin: data.get("is_admin") === "on",
              },
            }),
          );
          setCreated(u.username);
          users.reload();
        }}
      >
        <Field label="Username">
          <input name="username" required autocomplete="off" />
        </Field>
        <Field label="Email">
          <input name="email" type="email" />
        </Field>
        <Field label="Display name">
          <input name="display_name" maxLength={200} />
        </Field>
        <Field label="Kind">
          <select name="kind">
            <option value="human">human</option>
            <option value="agent">agent</option>
            <option value="service">service</option>
          </select>
        </Field>
        <Field label="Password" hint="Humans sign in with it; agents and services use tokens.">
          <input name="password" type="password" autocomplete="new-password" />
        </Field>
        <label class="checkbox">
          <input type="checkbox" name="is_admin" /> Administrator
        </label>
      </Form>
    </div>
  );
}
