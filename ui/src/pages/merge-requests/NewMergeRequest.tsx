import { api, must } from "../../api/client";
import { Field, Form, Show, str } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { useRefs } from "../project/refs";
import { words } from "../issues/shared";

export default function NewMergeRequest({ query }: PageProps) {
  const { project, base } = useProject();
  const refs = useRefs();
  return (
    <div class="stack">
      <h2>New merge request</h2>
      <Show loaded={refs}>
        {({ branches }) => {
          const others = branches.filter((b) => b.name !== project.default_branch);
          const source = query.get("source") ?? others[0]?.name ?? "";
          return (
            <Form
              submit="Open merge request"
              onSubmit={async (data) => {
                const mr = await must(
                  api.POST("/api/projects/{project}/merge-requests", {
                    params: { path: { project: project.id } },
                    body: {
                      source_branch: str(data, "source"),
                      target_branch: str(data, "target"),
                      title: str(data, "title"),
                      body: String(data.get("body") ?? ""),
                      draft: data.get("draft") === "on",
                      reviewers: words(str(data, "reviewers")),
                    },
                  }),
                );
                navigate(`${base}/-/merge_requests/${mr.iid}`);
              }}
            >
              <div class="form-inline">
                <Field label="Merge">
                  <select name="source" value={source}>
                    {branches.map((b) => (
                      <option value={b.name}>{b.name}</option>
                    ))}
                  </select>
                </Field>
                <Field label="into">
                  <select name="target" value={project.default_branch}>
                    {branches.map((b) => (
                      <option value={b.name}>{b.name}</option>
                    ))}
                  </select>
                </Field>
              </div>
              <Field label="Title">
                <input name="title" required maxLength={255} />
              </Field>
              <Field label="Description" hint="Markdown. “Closes #12” closes that issue when this merges.">
                <textarea name="body" rows={8} />
              </Field>
              <Field label="Reviewers" hint="Usernames, comma-separated.">
                <input name="reviewers" />
              </Field>
              <label class="checkbox">
                <input type="checkbox" name="draft" /> Draft (not ready to merge)
              </label>
            </Form>
          );
        }}
      </Show>
    </div>
  );
}
