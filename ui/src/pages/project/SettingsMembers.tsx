import { api, ApiError, must } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Show, str, Time, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";

export const PROJECT_ROLES = ["maintainer", "developer", "ops", "viewer"];

/** Usernames by id, where the caller may list users (administrators); else an empty map. */
export async function usernames(): Promise<Map<string, string>> {
  const { data, response } = await api.GET("/api/admin/users", { params: { query: { limit: 200 } } });
  return new Map(response.ok && data ? data.items.map((u) => [u.id, u.username]) : []);
}

/** A user's id from what was typed: an id as is, a username looked up (administrators). */
export async function userId(typed: string): Promise<string> {
  if (/^\d+$/.test(typed)) return typed;
  const { data, response } = await api.GET("/api/admin/users", { params: { query: { q: typed, limit: 50 } } });
  if (!response.ok) throw new ApiError(response.status, { detail: "Enter the user's id: looking users up by name needs the admin:users permission." });
  const found = data!.items.find((u) => u.username === typed);
  if (!found) throw new Error(`No user is called ${typed}.`);
  return found.id;
}

export default function SettingsMembers() {
  const { project } = useProject();
  const p = { params: { path: { project: project.id } } };
  const members = useLoad(async () => {
    const [list, names] = await Promise.all([must(api.GET("/api/projects/{project}/members", p)), usernames()]);
    return { list, names };
  }, [project.id]);
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
        {({ list, names }) =>
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
                      <td>{names.get(m.user_id) ?? <span class="muted">user #{m.user_id}</span>}</td>
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
          const user_id = await userId(str(data, "user"));
          await must(api.POST("/api/projects/{project}/members", { ...p, body: { user_id, role: str(data, "role") } }));
          members.reload();
        }}
      >
        <Field label="User (username or id)">
          <input name="user" required />
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
