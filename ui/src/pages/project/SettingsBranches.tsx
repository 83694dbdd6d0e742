import { api, must, type BranchRule } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Show, str, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";

const ROLES = ["maintainer", "developer", "ops", "viewer"];
const list = (data: FormData, name: string) => data.getAll(name).map(String);

function RoleChecks(props: { name: string; checked: string[] }) {
  return (
    <div class="checks">
      {ROLES.map((r) => (
        <label class="checkbox">
          <input type="checkbox" name={props.name} value={r} checked={props.checked.includes(r)} /> {r}
        </label>
      ))}
    </div>
  );
}

function RuleForm(props: { rule?: BranchRule; onSubmit: (data: FormData) => Promise<unknown>; submit: string }) {
  const r = props.rule;
  return (
    <Form submit={props.submit} onSubmit={props.onSubmit} resetOnSuccess={!r}>
      <Field label="Branch or pattern" hint="A name (main) or a glob (release/*).">
        <input name="pattern" value={r?.pattern ?? ""} required />
      </Field>
      <fieldset>
        <legend>Who may push directly</legend>
        <RoleChecks name="push_roles" checked={r?.push_roles ?? ["maintainer"]} />
      </fieldset>
      <fieldset>
        <legend>Who may merge</legend>
        <RoleChecks name="merge_roles" checked={r?.merge_roles ?? ["maintainer", "developer"]} />
      </fieldset>
      <label class="checkbox">
        <input type="checkbox" name="allow_force_push" checked={r?.allow_force_push} /> Allow force pushes
      </label>
      <label class="checkbox">
        <input type="checkbox" name="allow_deletion" checked={r?.allow_deletion} /> Allow deletion
      </label>
      <label class="checkbox">
        <input type="checkbox" name="dismiss_stale_approvals" checked={r?.dismiss_stale_approvals} /> Dismiss approvals
        when new commits are pushed
      </label>
      <Field label="Approvals required to merge">
        <input name="required_approvals" type="number" min={0} max={50} value={r?.required_approvals ?? 0} />
      </Field>
    </Form>
  );
}

const body = (data: FormData) => ({
  pattern: str(data, "pattern"),
  push_roles: list(data, "push_roles"),
  merge_roles: list(data, "merge_roles"),
  allow_force_push: data.get("allow_force_push") === "on",
  allow_deletion: data.get("allow_deletion") === "on",
  dismiss_stale_approvals: data.get("dismiss_stale_approvals") === "on",
  required_approvals: Number(str(data, "required_approvals") || "0"),
});

export default function SettingsBranches() {
  const { project } = useProject();
  const p = { params: { path: { project: project.id } } };
  const rules = useLoad(() => must(api.GET("/api/projects/{project}/protected-branches", p)), [project.id]);
  const remove = useAction(async (id: string) => {
    await must(
      api.DELETE("/api/projects/{project}/protected-branches/{rule_id}", {
        params: { path: { project: project.id, rule_id: Number(id) } },
      }),
    );
    rules.reload();
  });
  return (
    <div class="stack">
      <h2>Protected branches</h2>
      <p class="muted">
        Rules apply to pushes and to the API alike. The default branch ({project.default_branch}) can never be deleted.
      </p>
      <Show loaded={rules}>
        {(items) =>
          items.length === 0 ? (
            <Empty title="No branch is protected.">
              Protect {project.default_branch} below so only maintainers push to it and nobody force-pushes.
            </Empty>
          ) : (
            <div class="stack">
              {items.map((r) => (
                <details class="card">
                  <summary class="card-header spread">
                    <span>
                      <code>{r.pattern}</code> · push: {r.push_roles.join(", ") || "nobody"} · merge:{" "}
                      {r.merge_roles.join(", ") || "nobody"}
                      {r.required_approvals > 0 && ` · ${r.required_approvals} approval(s)`}
                    </span>
                    <button class="btn btn-small btn-danger" disabled={remove.busy} onClick={(e) => { e.preventDefault(); void remove.run(r.id); }}>
                      Unprotect
                    </button>
                  </summary>
                  <div class="card-body">
                    <RuleForm
                      rule={r}
                      submit="Save rule"
                      onSubmit={async (data) => {
                        await must(
                          api.PATCH("/api/projects/{project}/protected-branches/{rule_id}", {
                            params: { path: { project: project.id, rule_id: Number(r.id) } },
                            body: body(data),
                          }),
                        );
                        rules.reload();
                      }}
                    />
                  </div>
                </details>
              ))}
            </div>
          )
        }
      </Show>
      <ErrorBox error={remove.error} />
      <h2>Protect a branch</h2>
      <RuleForm
        submit="Protect"
        onSubmit={async (data) => {
          await must(api.POST("/api/projects/{project}/protected-branches", { ...p, body: body(data) }));
          rules.reload();
        }}
      />
    </div>
  );
}
