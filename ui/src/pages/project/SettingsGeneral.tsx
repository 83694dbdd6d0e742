import { api, must } from "../../api/client";
import { Field, Form, Notice, str } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate } from "../../router";
import { PipelineMustSucceed } from "../pipelines/ProjectSetting";
import { useState } from "preact/hooks";

export default function SettingsGeneral() {
  const { project, reload } = useProject();
  const [saved, setSaved] = useState(false);
  const p = { params: { path: { project: project.id } } };
  return (
    <div class="stack">
      <h2>General</h2>
      {saved && <Notice kind="success">Saved.</Notice>}
      <Form
        submit="Save changes"
        onSubmit={async (data) => {
          setSaved(false);
          const updated = await must(
            api.PATCH("/api/projects/{project}", {
              ...p,
              body: {
                name: str(data, "name"),
                description: str(data, "description"),
                visibility: str(data, "visibility") as "private",
                default_branch: str(data, "default_branch"),
              },
            }),
          );
          setSaved(true);
          if (updated.path !== project.path) navigate(`/${updated.path}/-/settings`, { replace: true });
          else reload();
        }}
      >
        <Field label="Name" hint="Renaming changes the project's URL and its clone URL.">
          <input name="name" value={project.name} required />
        </Field>
        <Field label="Description">
          <textarea name="description" rows={3} maxLength={2000}>
            {project.description}
          </textarea>
        </Field>
        <Field label="Visibility">
          <select name="visibility" value={project.visibility}>
            <option value="private">Private: members only</option>
            <option value="internal">Internal: anyone signed in</option>
            <option value="public">Public: everyone</option>
          </select>
        </Field>
        <Field label="Default branch">
          <input name="default_branch" value={project.default_branch} required />
        </Field>
      </Form>

      <PipelineMustSucceed />

      <h2>{project.archived ? "Unarchive" : "Archive"}</h2>
      <p class="muted">
        {project.archived
          ? "The project is read-only: pushes and changes are refused. Unarchive it to work on it again."
          : "Archiving makes the project read-only: pushes and changes are refused. It can be undone."}
      </p>
      <Form
        submit={project.archived ? "Unarchive project" : "Archive project"}
        onSubmit={async () => {
          await must(api.PATCH("/api/projects/{project}", { ...p, body: { archived: !project.archived } }));
          reload();
        }}
      >
        {null}
      </Form>

      <h2>Delete</h2>
      <p class="muted">Deleting removes the project and its repository for good.</p>
      <Form
        danger
        submit="Delete project"
        onSubmit={async (data) => {
          if (str(data, "confirm") !== project.path) throw new Error(`Type ${project.path} to confirm.`);
          await must(api.DELETE("/api/projects/{project}", p));
          navigate("/");
        }}
      >
        <Field label={`Type ${project.path} to confirm`}>
          <input name="confirm" autocomplete="off" />
        </Field>
      </Form>
    </div>
  );
}
