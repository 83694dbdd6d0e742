import { api, must } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Show, str, Time, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { resolveUser, UserName, UserPicker } from "../../users";

export const PROJECT_ROLES = ["maintainer", "developer", "ops", "viewer"];

export default function SettingsMembers() {
  const { project } = useProject();
  const p = { params: { path: { project: project.id } } };
  const members = useLoad(() => must(api.GET("/api/projects/{project}/members", p)), [project.id]);
  const remove = useAction(async (id: string) => {
    await must(
      api.DELETE("/api/projects/{project}/members/{member_id}", { params: { path: { project: project.id, member_id: Number(id) } } }),
    );
    members.reload();
  });
  return (
    <div class="stack">
      <h2>Members</h2>
      <Show loaded={members}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No members yet.">Add someone below to give them a role in this project.</Empty>
          ) : (
            <div class="table-wrap">
              <table class="table" data-testid="members">
                <thead>
                  <tr>
                    <th>User</th>
                    <th>Role</th>
                    <th>Since</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {list.map((m) => (
                    <tr>
                      <td>
                        <UserName username={m.username} displayName={m.display_name} />
                      </td>
                      <td>
                        <span class="badge">{m.role}</span>
                      </td>
                      <td>
                        <Time at={m.created_at} />
                      </td>
                      <td class="right">
                        <button class="btn btn-small btn-danger" disabled={remove.busy} onClick={() => void remove.run(m.id)}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
      <ErrorBox error={remove.error} />
      <h2>Add a member</h2>
      <Form
        class="form-inline"
        submit="Add member"
        resetOnSuccess
        onSubmit={async (data) => {
          const user = await resolveUser(str(data, "user"));
          await must(api.POST("/api/projects/{project}/members", { ...p, body: { user_id: user.id, role: str(data, "role") } }));
          members.reload();
        }}
      >
        <Field label="User">
          <UserPicker name="user" required />
        </Field>
        <Field label="Role">
          <select name="role">
            {PROJECT_ROLES.map((r) => (
              <option value={r}>{r}</option>
            ))}
          </select>
        </Field>
      </Form>
    </div>
  );
}
