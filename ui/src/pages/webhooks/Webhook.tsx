import { useEffect, useState } from "preact/hooks";
import { api, must, type Of } from "../../api/client";
import { Empty, ErrorBox, Field, Form, Notice, Show, str, Time, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { navigate, type PageProps } from "../../router";
import { EventChecks } from "./Webhooks";

function Delivery(props: { projectId: string; hookId: number; id: string; onRedeliver: () => void }) {
  const path = { project: props.projectId, hook_id: props.hookId, delivery_id: Number(props.id) };
  const detail = useLoad(
    () => must(api.GET("/api/projects/{project}/webhooks/{hook_id}/deliveries/{delivery_id}", { params: { path } })),
    [props.id],
  );
  const redeliver = useAction(async () => {
    await must(api.POST("/api/projects/{project}/webhooks/{hook_id}/deliveries/{delivery_id}/redeliver", { params: { path } }));
    props.onRedeliver();
  });
  return (
    <div class="card-body stack">
      <Show loaded={detail}>
        {(d) => (
          <>
            <pre class="code" style={{ padding: "0.6rem", maxHeight: "20rem" }}>{JSON.stringify(d.request, null, 2)}</pre>
            <pre class="code" style={{ padding: "0.6rem", maxHeight: "20rem" }}>{JSON.stringify(d.response, null, 2)}</pre>
          </>
        )}
      </Show>
      <div class="row">
        <button class="btn btn-small" disabled={redeliver.busy} onClick={() => void redeliver.run()}>
          {redeliver.busy ? "Redelivering…" : "Redeliver"}
        </button>
      </div>
      <ErrorBox error={redeliver.error} />
    </div>
  );
}

/** A delivery in the log; its request and response are fetched when it is opened. */
function DeliveryRow(props: { d: DeliveryItem; projectId: string; hookId: number; onRedeliver: () => void }) {
  const { d } = props;
  const [open, setOpen] = useState(false);
  return (
    <details class="card" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary class="card-header spread">
        <span>
          <span class={`badge ${OUTCOME_BADGE[d.outcome] ?? ""}`}>{d.outcome}</span>{" "}
          <code>
            {d.event}
            {d.action ? `.${d.action}` : ""}
          </code>{" "}
          {d.response_status ?? ""} {d.error ?? ""}
          {d.redelivery_of && <span class="muted"> · redelivery of #{d.redelivery_of}</span>}
        </span>
        <span class="muted">
          <Time at={d.created_at} /> · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
          {d.duration_ms != null && ` · ${d.duration_ms} ms`}
        </span>
      </summary>
      {open && <Delivery projectId={props.projectId} hookId={props.hookId} id={d.id} onRedeliver={props.onRedeliver} />}
    </details>
  );
}

type DeliveryItem = Of<"/api/projects/{project}/webhooks/{hook_id}/deliveries", "get">[number];

const OUTCOME_BADGE: Record<string, string> = { delivered: "badge-success", failed: "badge-warning", blocked: "badge-warning" };
/** How often the log is read again while a delivery is still on its way. */
const POLL_MS = 1000;

export default function Webhook({ params }: PageProps) {
  const { project, base } = useProject();
  const hookId = Number(params.hook);
  const path = { project: project.id, hook_id: hookId };
  const [saved, setSaved] = useState(false);
  const hook = useLoad(async () => {
    const [h, deliveries] = await Promise.all([
      must(api.GET("/api/projects/{project}/webhooks/{hook_id}", { params: { path } })),
      must(api.GET("/api/projects/{project}/webhooks/{hook_id}/deliveries", { params: { path, query: { per_page: 50 } } })),
    ]);
    return { h, deliveries };
  }, [project.id, hookId]);
  // A delivery is sent in the background (and retried): follow the log until none is pending.
  const pending = hook.data?.deliveries.some((d) => d.outcome === "pending") ?? false;
  useEffect(() => {
    if (!pending || hook.loading) return;
    const timer = setTimeout(hook.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, hook.loading, hook.data]);
  const ping = useAction(async () => {
    await must(api.POST("/api/projects/{project}/webhooks/{hook_id}/ping", { params: { path } }));
    hook.reload();
  });
  const remove = useAction(async () => {
    if (!confirm("Delete this webhook?")) return;
    await must(api.DELETE("/api/projects/{project}/webhooks/{hook_id}", { params: { path } }));
    navigate(`${base}/-/settings/webhooks`);
  });
  return (
    <Show loaded={hook}>
      {({ h, deliveries }) => (
        <div class="stack">
          <h2>Webhook</h2>
          {h.disabled_at && <Notice kind="warning">Switched off <Time at={h.disabled_at} />: {h.disabled_reason}. Save it active to switch it on.</Notice>}
          {saved && <Notice kind="success">Saved.</Notice>}
          <Form
            submit="Save webhook"
            onSubmit={async (data) => {
              setSaved(false);
              const secret = String(data.get("secret") || "");
              await must(
                api.PATCH("/api/projects/{project}/webhooks/{hook_id}", {
                  params: { path },
                  body: {
                    url: str(data, "url"),
                    events: data.getAll("events").map(String) as "push"[],
                    active: data.get("active") === "on",
                    ...(secret ? { secret } : {}),
                  },
                }),
              );
              setSaved(true);
              hook.reload();
            }}
          >
            <Field label="URL">
              <input name="url" type="url" value={h.url} required />
            </Field>
            <Field label="Secret" hint={h.has_secret ? "Set; type a new one to replace it." : "None; optional."}>
              <input name="secret" type="password" autocomplete="new-password" />
            </Field>
            <EventChecks checked={h.events} />
            <label class="checkbox">
              <input type="checkbox" name="active" checked={h.active} /> Active
            </label>
          </Form>
          <div class="row">
            <button class="btn" disabled={ping.busy} onClick={() => void ping.run()}>
              Send a ping
            </button>
            <button class="btn btn-danger" disabled={remove.busy} onClick={() => void remove.run()}>
              Delete webhook
            </button>
          </div>
          <ErrorBox error={ping.error ?? remove.error} />
          <div class="spread">
            <h2>Recent deliveries</h2>
            {pending && <span class="muted" role="status">Delivering…</span>}
          </div>
          {deliveries.length === 0 ? (
            <Empty title="Nothing delivered yet.">Send a ping, or wait for an event.</Empty>
          ) : (
            <div class="stack" data-testid="deliveries">
              {deliveries.map((d) => (
                <DeliveryRow key={d.id} d={d} projectId={project.id} hookId={hookId} onRedeliver={hook.reload} />
              ))}
            </div>
          )}
        </div>
      )}
    </Show>
  );
}
