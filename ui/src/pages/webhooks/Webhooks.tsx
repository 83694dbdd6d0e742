import { api, must } from "../../api/client";
import { Empty, Field, Form, Show, str, Time, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate } from "../../router";

export const EVENTS = ["push", "tag_push", "issue", "issue_comment", "merge_request", "review", "pipeline", "deployment", "alert"];

export function EventChecks(props: { checked: string[] }) {
  return (
    <fieldset>
      <legend>Events</legend>
      <div class="checks">
        {EVENTS.map((e) => (
          <label class="checkbox">
            <input type="checkbox" name="events" value={e} checked={props.checked.includes(e)} /> {e}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default function Webhooks() {
  const { project, base } = useProject();
  const p = { params: { path: { project: project.id } } };
  const hooks = useLoad(() => must(api.GET("/api/projects/{project}/webhooks", p)), [project.id]);
  return (
    <div class="stack">
      <h2>Webhooks</h2>
      <p class="muted">dais POSTs a JSON event to each URL when something happens here, signed with the secret.</p>
      <Show loaded={hooks}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No webhooks.">Add one below to tell a chat, a CI or a bot what happens here.</Empty>
          ) : (
            <ul class="list" data-testid="webhooks">
              {list.map((h) => (
                <li>
                  <div class="list-main">
                    <a class="list-title" href={`${base}/-/settings/webhooks/${h.id}`}>
                      {h.url}
                    </a>
                    <div class="muted">
                      {h.events.join(", ")} · added <Time at={h.created_at} />
                      {h.consecutive_failures > 0 && <> · {h.consecutive_failures} failures in a row</>}
                    </div>
                  </div>
                  {h.disabled_at ? (
                    <span class="badge badge-warning" title={h.disabled_reason ?? ""}>
                      switched off
                    </span>
                  ) : (
                    <span class={`badge ${h.active ? "badge-success" : ""}`}>{h.active ? "active" : "inactive"}</span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <h2>Add a webhook</h2>
      <Form
        submit="Add webhook"
        onSubmit={async (data) => {
          const events = data.getAll("events").map(String);
          if (!events.length) throw new Error("Choose at least one event.");
          const hook = await must(
            api.POST("/api/projects/{project}/webhooks", {
              ...p,
              body: { url: str(data, "url"), events: events as "push"[], secret: String(data.get("secret") || "") || undefined, active: true },
            }),
          );
          navigate(`${base}/-/settings/webhooks/${hook.id}`);
        }}
      >
        <Field label="URL">
          <input name="url" type="url" required placeholder="https://example.com/hooks/dais" />
        </Field>
        <Field label="Secret" hint="Signs each delivery (X-Dais-Signature); optional.">
          <input name="secret" type="password" autocomplete="new-password" />
        </Field>
        <EventChecks checked={["push", "merge_request"]} />
      </Form>
    </div>
  );
}
