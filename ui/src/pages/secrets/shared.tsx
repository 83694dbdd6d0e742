// What the project's and the platform's secrets pages share: the list (names, versions, who
// and when; never a value) and the form that sets one.
import type { ComponentChildren } from "preact";
import type { Of } from "../../api/client";
import { Empty, ErrorBox, Field, Form, str, Time, useAction } from "../../components";

export type SecretItem = Of<"/api/projects/{project}/secrets", "get">[number];

/** Same rule as the API's (dais/actors/secrets/messages.py), for the browser to check first. */
const NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";
// A DNS label; "-" escaped, as the pattern attribute compiles with the `v` flag.
const ENVIRONMENT_PATTERN = "[a-z0-9]([a-z0-9\\-]{0,61}[a-z0-9])?";

export const WRITE_ONLY =
  "Values are write-only here; pipelines and deployments read them. Reading one through the API is audited.";

/** A list of secrets, each with its version and its last change; `onDelete` after confirm(). */
export function SecretRows(props: { items: SecretItem[]; onDelete: (s: SecretItem) => Promise<unknown> }) {
  const remove = useAction(async (s: SecretItem) => {
    if (!confirm(`Delete the secret ${s.name} and all its versions?`)) return;
    await props.onDelete(s);
  });
  return (
    <>
      <ul class="list">
        {props.items.map((s) => (
          <li data-secret={s.name}>
            <div class="list-main">
              <code class="list-title">{s.name}</code> <span class="badge">version {s.version}</span>
              <div class="muted">
                {s.version > 1 ? "changed" : "set"} by {s.updated_by ?? s.created_by ?? "a deleted user"}{" "}
                <Time at={s.updated_at} />
              </div>
            </div>
            <button class="btn btn-small btn-danger" disabled={remove.busy} onClick={() => void remove.run(s)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <ErrorBox error={remove.error} />
    </>
  );
}

export function NoSecrets(props: { children?: ComponentChildren }) {
  return <Empty title="No secrets.">{props.children ?? "Set one below."}</Empty>;
}

/** The form that sets a secret; `environments` adds the optional environment field. */
export function SecretForm(props: {
  environments?: boolean;
  onSet: (name: string, value: string, environment: string | undefined) => Promise<unknown>;
}) {
  return (
    <Form
      submit="Set secret"
      resetOnSuccess
      onSubmit={async (data) => {
        const value = String(data.get("value") ?? "");
        if (!value) throw new Error("Type a value.");
        await props.onSet(str(data, "name"), value, str(data, "environment") || undefined);
      }}
    >
      <Field label="Name" hint="An environment variable name">
        <input name="name" required maxLength={128} pattern={NAME_PATTERN} autocomplete="off" spellcheck={false} />
      </Field>
      {props.environments && (
        <Field label="Environment" hint="Optional; leave empty for every environment, e.g. production">
          <input name="environment" maxLength={63} pattern={ENVIRONMENT_PATTERN} autocomplete="off" spellcheck={false} />
        </Field>
      )}
      <Field label="Value" hint="Setting an existing name adds a new version.">
        <textarea name="value" rows={3} required autocomplete="off" spellcheck={false} />
      </Field>
    </Form>
  );
}
