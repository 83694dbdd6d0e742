import { api, must } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Show, str, Time, useAction, useLoad, useTitle } from "../../components";
import { adminUsernames, resolveUser, UserPicker } from "../../users";

export default function Roles() {
  useTitle("Roles and assignments");
  const loaded = useLoad(async () => {
    const [roles, assignments, names] = await Promise.all([
      must(api.GET("/api/admin/roles")),
      must(api.GET("/api/admin/role-assignments")),
      adminUsernames(),
    ]);
    const known = [...new Set(roles.flatMap((r) => r.permissions))].sort();
    return { roles, assignments, names, known };
  }, []);
  const removeRole = useAction(async (id: string) => {
    if (!confirm("Delete this role?")) return;
    await must(api.DELETE("/api/admin/roles/{role_id}", { params: { path: { role_id: Number(id) } } }));
    loaded.reload();
  });
  const unassign = useAction(async (id: string) => {
    await must(api.DELETE("/api/admin/role-assignments/{assignment_id}", { params: { path: { assignment_id: Number(id) } } }));
    loaded.reload();
  });
  return (
    <div class="stack">
      <h1>Roles and assignments</h1>
      <Show loaded={loaded}>
        {({ roles, assignments, names, known }) => (
          <>
            <div class="table-wrap">
              <table class="table" data-testid="roles">
                <thead>
                  <tr><th>Role</th><th>Permissions</th><th /></tr>
                </thead>
                <tbody>
                  {roles.map((r) => (
                    <tr>
                      <td>
                        <strong>{r.name}</strong> {r.builtin && <span class="badge">built in</span>}
                        <div class="muted">{r.description}</div>
                      </td>
                      <td>{r.permissions.join(", ")}</td>
                      <td class="right">
                        {!r.builtin && (
                          <button class="btn btn-small btn-danger" disabled={removeRole.busy} onClick={() => void removeRole.run(r.id)}>
                            Delete
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ErrorBox error={removeRole.error} />
            <details class="card">
              <summary class="card-header">New custom role</summary>
              <div class="card-body">
                <Form
                  submit="Create role"
                  resetOnSuccess
                  onSubmit={async (data) => {
                    await must(
                      api.POST("/api/admin/roles", {
                        body: {
                          name: str(data, "name"),
                          description: str(data, "description"),
                          permissions: data.getAll("permissions").map(String),
                        },
                      }),
                    );
                    loaded.reload();
                  }}
                >
                  <Field label="Name">
                    <input name="name" required />
                  </Field>
                  <Field label="Description">
                    <input name="description" maxLength={500} />
                  </Field>
                  <fieldset>
                    <legend>Permissions</legend>
                    <div class="checks">
                      {known.map((p) => (
                        <label class="checkbox">
                          <input type="checkbox" name="permissions" value={p} /> {p}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </Form>
              </div>
            </details>

            <h2>Assignments</h2>
            {assignments.length === 0 ? (
              <Empty title="No role is assigned." />
            ) : (
              <div class="table-wrap">
                <table class="table" data-testid="assignments">
                  <thead>
                    <tr><th>User</th><th>Role</th><th>Where</th><th>Since</th><th /></tr>
                  </thead>
                  <tbody>
                    {assignments.map((a) => (
                      <tr>
                        <td>{names.get(a.user_id) ?? `user #${a.user_id}`}</td>
                        <td><span class="badge">{a.role}</span></td>
                        <td>{a.project_id ? `project #${a.project_id}` : "everywhere"}</td>
                        <td><Time at={a.created_at} /></td>
                        <td class="right">
                          <button class="btn btn-small btn-danger" disabled={unassign.busy} onClick={() => void unassign.run(a.id)}>
                            Unassign
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <ErrorBox error={unassign.error} />
            <h2>Assign a role</h2>
            <Form
              class="form-inline"
              submit="Assign"
              resetOnSuccess
              onSubmit={async (data) => {
                await must(
                  api.POST("/api/admin/role-assignments", {
                    body: { user_id: (await resolveUser(str(data, "user"))).id, role: str(data, "role"), project_id: str(data, "project") || null },
                  }),
                );
                loaded.reload();
              }}
            >
              <Field label="User">
                <UserPicker name="user" required />
              </Field>
              <Field label="Role">
                <select name="role">
                  {roles.map((r) => (
                    <option value={r.name}>{r.name}</option>
                  ))}
                </select>
              </Field>
              <Field label="Project id" hint="Empty: everywhere.">
                <input name="project" inputMode="numeric" pattern="[0-9]*" />
              </Field>
            </Form>
          </>
        )}
      </Show>
    </div>
  );
}
