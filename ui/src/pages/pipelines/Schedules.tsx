// A project's pipeline schedules: each runs a pipeline for a ref on a cron schedule.
import { useState } from "preact/hooks";
import { Empty, ErrorBox, Field, Form, Notice, Show, str, Time, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { createSchedule, deleteSchedule, listSchedules } from "./api";
import { VariableRows, variablesOf } from "./shared";
import type { Schedule } from "./types";

/** Time zone names for the picker, where the browser can list them. */
const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
})();

function ScheduleRows(props: { list: Schedule[]; base: string; onDelete?: (s: Schedule) => Promise<unknown> }) {
  const remove = useAction(async (s: Schedule) => {
    if (!confirm(`Delete the schedule “${s.description}”?`)) return;
    await props.onDelete!(s);
  });
  return (
    <>
      <ul class="list" data-testid="schedules">
        {props.list.map((s) => (
          <li data-testid="schedule-row" data-schedule={s.id}>
            <div class="list-main">
              <div class="row">
                <span class="list-title">{s.description}</span>
                <span class={`badge ${s.active ? "badge-success" : ""}`}>{s.active ? "active" : "inactive"}</span>
              </div>
              <div class="muted">
                <code>{s.cron}</code> ({s.timezone}) on <code>{s.ref}</code>
                {Object.keys(s.variables).length > 0 && <> · variables {Object.keys(s.variables).join(", ")}</>}
              </div>
              <div class="muted">
                next run {s.active ? <Time at={s.next_run_at} /> : "none (inactive)"} · last run <Time at={s.last_run_at} />
                {s.last_pipeline_number !== null && (
                  <>
                    {" "}
                    (<a href={`${props.base}/-/pipelines/${s.last_pipeline_number}`}>#{s.last_pipeline_number}</a>)
                  </>
                )}
                {s.created_by && <> · by {s.created_by.username}</>}
              </div>
            </div>
            {props.onDelete && (
              <button
                class="btn btn-small btn-danger"
                disabled={remove.busy}
                onClick={() => void remove.run(s)}
                aria-label={`Delete the schedule ${s.description}`}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorBox error={remove.error} />
    </>
  );
}

export default function Schedules() {
  const { project, base, can } = useProject();
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const schedules = useLoad(() => listSchedules(project.id), [project.id]);
  const writable = can("pipeline:run") && !project.archived;
  return (
    <div class="stack">
      <div class="spread">
        <h2 style={{ margin: 0 }}>Pipeline schedules</h2>
        <a href={`${base}/-/pipelines`}>All pipelines</a>
      </div>
      {done && <Notice kind="success">{done}</Notice>}
      <Show loaded={schedules} label="Loading the schedules…">
        {(list) =>
          list.length === 0 ? (
            <Empty title="No schedules.">{writable ? "Add one below to run a pipeline nightly, hourly, or on any cron schedule." : null}</Empty>
          ) : (
            <ScheduleRows
              list={list}
              base={base}
              onDelete={
                writable
                  ? async (s) => {
                      await deleteSchedule(project.id, s.id);
                      setDone(`Deleted the schedule “${s.description}”.`);
                      schedules.reload();
                    }
                  : undefined
              }
            />
          )
        }
      </Show>
      {writable && (
        <>
          <h2>New schedule</h2>
          <ScheduleForm
            key={formKey}
            defaultBranch={project.default_branch}
            onCreate={async (body) => {
              setDone(null);
              const s = await createSchedule(project.id, body);
              setDone(`Added the schedule “${s.description}”.`);
              setFormKey((k) => k + 1);
              schedules.reload();
            }}
          />
        </>
      )}
    </div>
  );
}

function ScheduleForm(props: { defaultBranch: string; onCreate: (body: Parameters<typeof createSchedule>[1]) => Promise<unknown> }) {
  // Controlled fields: Preact writes `value` back on every render.
  const [f, setF] = useState({ description: "", cron: "0 3 * * *", timezone: "UTC", ref: props.defaultBranch, active: true });
  const field = (name: "description" | "cron" | "timezone" | "ref") => ({
    name,
    value: f[name],
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setF((now) => ({ ...now, [name]: value }));
    },
  });
  return (
    <Form
      submit="Add schedule"
      onSubmit={async (data) => {
        await props.onCreate({
          description: str(data, "description"),
          cron: str(data, "cron"),
          timezone: str(data, "timezone") || undefined,
          ref: str(data, "ref"),
          variables: variablesOf(data),
          active: f.active,
        });
      }}
    >
      <Field label="Description">
        <input {...field("description")} required maxLength={255} placeholder="nightly build" />
      </Field>
      <Field label="Cron" hint="Five fields: minute hour day-of-month month day-of-week (0 3 * * *: every day at 03:00).">
        <input {...field("cron")} required class="mono" autocomplete="off" spellcheck={false} />
      </Field>
      <Field label="Time zone" hint="The schedule runs by the clock of this zone (an IANA name: Europe/Paris).">
        <input {...field("timezone")} list="schedule-zones" autocomplete="off" spellcheck={false} />
      </Field>
      <datalist id="schedule-zones">
        {ZONES.map((z) => (
          <option value={z} />
        ))}
      </datalist>
      <Field label="Branch or tag">
        <input {...field("ref")} required autocomplete="off" spellcheck={false} />
      </Field>
      <VariableRows />
      <label class="checkbox">
        <input type="checkbox" name="active" checked={f.active} onChange={(e) => {
            const active = e.currentTarget.checked;
            setF((now) => ({ ...now, active }));
          }} /> Active
      </label>
    </Form>
  );
}
