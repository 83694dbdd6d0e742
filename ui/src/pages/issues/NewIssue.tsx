import { api, must } from "../../api/client";
import { Field, Form, Show, str, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate } from "../../router";
import { words } from "./shared";

export default function NewIssue() {
  const { project, base, can } = useProject();
  const p = { params: { path: { project: project.id } } };
  const meta = useLoad(async () => {
    if (!can("issue:write")) return { labels: [], milestones: [] };
    const [labels, milestones] = await Promise.all([
      must(api.GET("/api/projects/{project}/labels", p)),
      must(api.GET("/api/projects/{project}/milestones", p)),
    ]);
    return { labels, milestones };
  }, [project.id]);
  return (
    <div class="stack">
      <h2>New issue</h2>
      <Show loaded={meta}>
        {({ labels, milestones }) => (
          <Form
            submit="Open issue"
            onSubmit={async (data) => {
              const issue = await must(
                api.POST("/api/projects/{project}/issues", {
                  ...p,
                  body: {
                    title: str(data, "title"),
                    body: String(data.get("body") ?? ""),
                    ...(can("issue:write")
                      ? {
                          labels: data.getAll("labels").map(String),
                          assignees: words(str(data, "assignees")),
                          milestone_id: str(data, "milestone") || null,
                        }
                      : {}),
                  },
                }),
              );
              navigate(`${base}/-/issues/${issue.iid}`);
            }}
          >
            <Field label="Title">
              <input name="title" required maxLength={255} autofocus />
            </Field>
            <Field label="Description" hint="Markdown.">
              <textarea name="body" rows={10} />
            </Field>
            {can("issue:write") && (
              <>
                {labels.length > 0 && (
                  <fieldset>
                    <legend>Labels</legend>
                    <div class="checks">
                      {labels.map((l) => (
                        <label class="checkbox">
                          <input type="checkbox" name="labels" value={l.name} /> {l.name}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                )}
                <Field label="Assignees" hint="Usernames, comma-separated.">
                  <input name="assignees" />
                </Field>
                {milestones.length > 0 && (
                  <Field label="Milestone">
                    <select name="milestone">
                      <option value="">none</option>
                      {milestones.map((m) => (
                        <option value={m.id}>{m.title}</option>
                      ))}
                    </select>
                  </Field>
                )}
              </>
            )}
          </Form>
        )}
      </Show>
    </div>
  );
}
