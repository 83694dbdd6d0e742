import { api, must } from "../../api/client";
import { Field, Form, str, useTitle } from "../../components";
import { navigate } from "../../router";
import { useUser } from "../../session";

export default function NewProject() {
  useTitle("New project");
  const user = useUser();
  return (
    <div class="stack">
      <h1>New project</h1>
      <Form
        submit="Create project"
        onSubmit={async (data) => {
          const project = await must(
            api.POST("/api/projects", {
              body: {
                name: str(data, "name"),
                description: str(data, "description"),
                visibility: str(data, "visibility") as "private",
                default_branch: str(data, "default_branch") || "main",
                initialize_with_readme: data.get("readme") === "on",
              },
            }),
          );
          navigate(`/${project.path}`);
        }}
      >
        <Field label="Name" hint={<>The project lives at <code>/{user?.username}/NAME</code>.</>}>
          <input name="name" required autofocus pattern="[A-Za-z0-9._-]+" />
        </Field>
        <Field label="Description">
          <textarea name="description" maxLength={2000} rows={3} />
        </Field>
        <Field label="Visibility">
          <select name="visibility">
            <option value="private">Private: members only</option>
            <option value="internal">Internal: anyone signed in</option>
            <option value="public">Public: everyone</option>
          </select>
        </Field>
        <Field label="Default branch">
          <input name="default_branch" value="main" />
        </Field>
        <label class="checkbox">
          <input type="checkbox" name="readme" /> Start with a README
        </label>
      </Form>
    </div>
  );
}
