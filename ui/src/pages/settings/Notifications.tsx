import { useState } from "preact/hooks";
import { api, must, type BodyOf, type Of } from "../../api/client";
import { ErrorBox, Field, Notice, Show, useAction, useLoad, useTitle } from "../../components";
import { KINDS, kindLabel } from "../notifications/kinds";

type Settings = Of<"/api/user/notification-settings", "get">;
type SettingsIn = BodyOf<"/api/user/notification-settings", "put">;
type KindIn = NonNullable<SettingsIn["kinds"]>[number];
type ChannelKey = "in_app" | "email" | "webhook";

const CHANNELS: { key: ChannelKey; label: string }[] = [
  { key: "in_app", label: "In app" },
  { key: "email", label: "Email" },
  { key: "webhook", label: "Webhook" },
];

const put = (body: SettingsIn) =>
  must(api.PUT("/api/user/notification-settings", { body }));

/** What reaches the user, and how: in the app (the bell), by email, by their webhook. The
 * emails' List-Unsubscribe link leads here. */
export default function NotificationSettings() {
  useTitle("Notifications");
  const loaded = useLoad(() => must(api.GET("/api/user/notification-settings")), []);
  // The last answer of a save, shown instead of the loaded settings.
  const [saved, setSaved] = useState<Settings | null>(null);
  return (
    <div class="stack">
      <h1>Notifications</h1>
      <p class="muted">
        Choose what reaches you and how: <a href="/notifications">in the app</a> (the bell at the top), by email, or as a POST
        to a webhook of yours.
      </p>
      <Show loaded={loaded}>{(data) => <SettingsForms settings={saved ?? data} onSaved={setSaved} />}</Show>
    </div>
  );
}

function SettingsForms(props: { settings: Settings; onSaved: (s: Settings) => void }) {
  const s = props.settings;
  return (
    <>
      {!s.email_available && (
        <Notice kind="warning">This server does not send email (DAIS_SMTP_HOST is not set).</Notice>
      )}
      {s.email_available && !s.email && (
        <Notice kind="warning">
          You have no email address: add one in <a href="/settings/profile">your profile</a> to get notifications by email.
        </Notice>
      )}
      <KindTable settings={s} onSaved={props.onSaved} />
      <h2>Webhook</h2>
      <WebhookForm settings={s} onSaved={props.onSaved} />
    </>
  );
}

function KindTable(props: { settings: Settings; onSaved: (s: Settings) => void }) {
  const s = props.settings;
  const [kinds, setKinds] = useState(s.kinds);
  const [done, setDone] = useState(false);
  const save = useAction(async () => {
    setDone(false);
    const next = await put({ kinds: kinds.map((k) => ({ ...k, kind: k.kind as KindIn["kind"] })) });
    setKinds(next.kinds);
    props.onSaved(next);
    setDone(true);
  });
  const toggle = (kind: string, channel: ChannelKey, on: boolean) => {
    setDone(false);
    setKinds((ks) => ks.map((k) => (k.kind === kind ? { ...k, [channel]: on } : k)));
  };
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <div class="table-wrap">
        <table class="table" data-testid="notification-kinds">
          <thead>
            <tr>
              <th>Notify me of</th>
              {CHANNELS.map((c) => (
                <th class="center">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr>
                <td>
                  <strong>{kindLabel(k.kind)}</strong>
                  {KINDS[k.kind] && <div class="muted">{KINDS[k.kind]!.hint}</div>}
                </td>
                {CHANNELS.map((c) => (
                  <td class="center">
                    <input
                      type="checkbox"
                      aria-label={`${kindLabel(k.kind)}: ${c.label}`}
                      checked={k[c.key]}
                      disabled={c.key === "email" && !s.email_available}
                      onChange={(e) => toggle(k.kind, c.key, e.currentTarget.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!s.webhook_url && <p class="muted">Nothing goes to the webhook column until you set a webhook below.</p>}
      <ErrorBox error={save.error} />
      {done && <Notice kind="success">Notification settings saved.</Notice>}
      <div class="form-actions">
        <button class="btn btn-primary" disabled={save.busy}>
          {save.busy ? "Working…" : "Save"}
        </button>
      </div>
    </form>
  );
}

function WebhookForm(props: { settings: Settings; onSaved: (s: Settings) => void }) {
  const s = props.settings;
  const [url, setUrl] = useState(s.webhook_url ?? "");
  const [secret, setSecret] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const apply = (next: Settings, what: string) => {
    setUrl(next.webhook_url ?? "");
    setSecret("");
    props.onSaved(next);
    setDone(what);
  };
  const save = useAction(async () => {
    setDone(null);
    // An empty secret field keeps the secret there is.
    const next = await put({ webhook_url: url.trim(), ...(secret ? { webhook_secret: secret } : {}) });
    apply(next, "Webhook saved.");
  });
  const remove = useAction(async () => {
    if (!confirm("Remove your webhook? Nothing more is sent to it.")) return;
    setDone(null);
    apply(await put({ webhook_url: null }), "Webhook removed.");
  });
  const forget = useAction(async () => {
    setDone(null);
    apply(await put({ webhook_secret: "" }), "Webhook secret removed.");
  });
  const busy = save.busy || remove.busy || forget.busy;
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <p class="muted">
        dais POSTs each notification as JSON to this URL, signed with the secret as project webhooks are (the{" "}
        <code>X-Dais-Signature</code> header).
      </p>
      <Field label="Webhook URL">
        <input
          name="webhook_url"
          type="url"
          required
          maxLength={2048}
          placeholder="https://example.com/hooks/dais"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </Field>
      <Field
        label="Secret"
        hint={s.webhook_has_secret ? "A secret is set. It is write-only: type a new one to replace it." : "Optional; write-only once saved."}
      >
        <input
          name="webhook_secret"
          type="password"
          autocomplete="off"
          maxLength={256}
          placeholder={s.webhook_has_secret ? "a secret is set" : ""}
          value={secret}
          onInput={(e) => setSecret(e.currentTarget.value)}
        />
      </Field>
      <ErrorBox error={save.error ?? remove.error ?? forget.error} />
      {done && <Notice kind="success">{done}</Notice>}
      <div class="form-actions">
        <button class="btn btn-primary" disabled={busy}>
          {save.busy ? "Working…" : "Save webhook"}
        </button>
        {s.webhook_has_secret && (
          <button type="button" class="btn" disabled={busy} onClick={() => void forget.run()}>
            Remove secret
          </button>
        )}
        {s.webhook_url && (
          <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void remove.run()}>
            Remove webhook
          </button>
        )}
      </div>
    </form>
  );
}
