import { api, must, PERMISSIONS } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Show, str, Time, useAction, useLoad, useTitle } from "../../components";
import { useUser } from "../../session";
import { resolveUser, UserPicker } from "../../users";
import { PermissionChecks } from "./Tokens";

export default function Delegations() {
  useTitle("Delegations");
  const me = useUser()!;
  const loaded = useLoad(async () => {
    const list = await must(api.GET("/api/delegations"));
    // Any permission may be offered: dais refuses to delegate one the caller does not hold.
    return { list, held: PERMISSIONS };
  }, []);
  const revoke = useAction(async (id: string) => {
    await must(api.DELETE("/api/delegations/{delegation_id}", { params: { path: { delegation_id: Number(id) } } }));
    loaded.reload();
  });
  return (
    <div class="stack">
      <h1>Delegations</h1>
      <p class="muted">
        Let another user or an agent act with some of your permissions, everywhere or on one project, until you revoke
        it or it expires.
      </p>
      <Show loaded={loaded}>
        {({ list, held }) => {
          const who = (id: string, username: string) => (id === me.id ? "you" : username);
          return (
            <>
              {list.length === 0 ? (
                <Empty title="No delegations.">Delegate below, e.g. project:read to an agent.</Empty>
              ) : (
                <div class="table-wrap">
                  <table class="table" data-testid="delegations">
                    <thead>
                      <tr><th>From</th><th>To</th><th>Permissions</th><th>Project</th><th>Expires</th><th /></tr>
                    </thead>
                    <tbody>
                      {list.map((d) => (
                        <tr>
                          <td>{who(d.delegator_id, d.delegator_username)}</td>
                          <td>{who(d.delegate_id, d.delegate_username)}</td>
                          <td>{d.permissions.join(", ")}</td>
                          <td>{d.project_id ?? <span class="muted">all</span>}</td>
                          <td><Time at={d.expires_at} never="never" /></td>
                          <td class="right">
                            <button class="btn btn-small btn-danger" disabled={revoke.busy} onClick={() => void revoke.run(d.id)}>
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
              <h2>Delegate</h2>
              <Form
                submit="Delegate"
                resetOnSuccess
                onSubmit={async (data) => {
                  const permissions = data.getAll("permissions").map(String);
                  if (!permissions.length) throw new Error("Choose at least one permission.");
                  const days = Number(str(data, "days") || "0");
                  await must(
                    api.POST("/api/delegations", {
                      body: {
                        delegate_id: (await resolveUser(str(data, "user"))).id,
                        permissions,
                        project_id: str(data, "project") || null,
                        expires_at: days ? new Date(Date.now() + days * 86400000).toISOString() : null,
                      },
                    }),
                  );
                  loaded.reload();
                }}
              >
                <Field label="To" hint="A user or an agent, by username.">
                  <UserPicker name="user" required />
                </Field>
                <PermissionChecks name="permissions" permissions={held} />
                <Field label="Only on project (id)" hint="Empty: wherever you hold them.">
                  <input name="project" inputMode="numeric" pattern="[0-9]*" />
                </Field>
                <Field label="Expires in (days)" hint="Empty: never.">
                  <input name="days" type="number" min={1} max={3650} />
                </Field>
              </Form>
            </>
          );
        }}
      </Show>
    </div>
  );
}
