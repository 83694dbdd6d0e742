import { useState } from "preact/hooks";
import { api, must, mustPage } from "../../api/client";
import { Empty, ErrorBox, Notice, Show, Time, useAction, useLoad, useTitle } from "../../components";

const PAGE = 50;
const CHANNELS: Record<string, string> = { email: "Email", webhook: "Webhook" };

/** Email and webhook notification deliveries that gave up after their retries; each may be
 * sent again (after fixing the mail server or the person's webhook). */
export default function FailedNotifications() {
  useTitle("Failed notifications");
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const failed = useLoad(
    () => mustPage(api.GET("/api/admin/notifications/failed", { params: { query: { page, per_page: PAGE } } })),
    [page],
  );
  const retry = useAction(async (id: string) => {
    setDone(null);
    await must(
      api.POST("/api/admin/notifications/deliveries/{delivery_id}/retry", { params: { path: { delivery_id: Number(id) } } }),
    );
    setDone(`Delivery ${id} is queued to be sent again.`);
    failed.reload();
  });
  return (
    <div class="stack">
      <h1>Failed notifications</h1>
      <p class="muted">Emails and webhook posts that kept failing and were given up on. Retry sends one again now.</p>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorBox error={retry.error} />
      <Show loaded={failed}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Empty title="No failed notifications.">Every email and webhook post was delivered, or is still being tried.</Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table" data-testid="failed-notifications">
                  <thead>
                    <tr><th>User</th><th>Channel</th><th>Notifications</th><th>Attempts</th><th>Last error</th><th>Since</th><th /></tr>
                  </thead>
                  <tbody>
                    {items.map((d) => (
                      <tr>
                        <td>{d.username}</td>
                        <td>{CHANNELS[d.channel] ?? d.channel}</td>
                        <td>{d.notifications}</td>
                        <td>{d.attempts}</td>
                        <td class="mono" style={{ fontSize: "0.82rem", wordBreak: "break-word" }}>
                          {d.last_error ?? <span class="muted">none recorded</span>}
                        </td>
                        <td class="nowrap"><Time at={d.created_at} /></td>
                        <td class="right">
                          <button
                            class="btn btn-small"
                            disabled={retry.busy}
                            aria-label={`Retry delivery ${d.id} to ${d.username}`}
                            onClick={() => void retry.run(d.id)}
                          >
                            Retry
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {total > PAGE && (
                <div class="pager">
                  <button class="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    Previous
                  </button>
                  <span class="muted">
                    {(page - 1) * PAGE + 1}–{(page - 1) * PAGE + items.length} of {total}
                  </span>
                  <button class="btn" disabled={page * PAGE >= total} onClick={() => setPage(page + 1)}>
                    Next
                  </button>
                </div>
              )}
            </>
          )
        }
      </Show>
    </div>
  );
}
