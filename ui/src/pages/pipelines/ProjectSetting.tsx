// The project setting of the build engine: whether a merge request needs its pipeline to
// succeed. A section of the project's General settings.
import { useState } from "preact/hooks";
import { Form, Notice } from "../../components";
import { useProject } from "../../layouts/project";
import { setPipelineMustSucceed } from "./api";

export function PipelineMustSucceed() {
  const { project, reload } = useProject();
  const [checked, setChecked] = useState(project.pipeline_must_succeed);
  const [saved, setSaved] = useState(false);
  return (
    <section class="stack" aria-labelledby="pipelines-setting">
      <h2 id="pipelines-setting">Pipelines</h2>
      {saved && <Notice kind="success">Saved.</Notice>}
      <Form
        submit="Save pipeline setting"
        onSubmit={async () => {
          setSaved(false);
          await setPipelineMustSucceed(project.id, checked);
          setSaved(true);
          reload();
        }}
      >
        <label class="checkbox">
          <input
            type="checkbox"
            name="pipeline_must_succeed"
            checked={checked}
            onChange={(e) => setChecked(e.currentTarget.checked)}
            data-testid="pipeline-must-succeed"
          />{" "}
          Pipelines must succeed
        </label>
        <span class="field-hint">
          A merge request can be merged only once the latest pipeline of its source branch has passed.
        </span>
      </Form>
    </section>
  );
}
