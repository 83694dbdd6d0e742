import { useEffect, useState } from "preact/hooks";
import { api, must, mustPage } from "../../api/client";
import { Empty, ErrorBox, Notice, Show, Time, useAction, useLoad, useTitle } from "../../components";
import { refreshUnread, useArrivals, useUnread, type Notification } from "../../notifications";
import { navigate, type PageProps } from "../../router";
import { kindLabel } from "./kinds";

const PER_PAGE = 30;

/** The signed-in user's notifications, newest first; new ones arrive at the top live. */
export default function Notifications({ query }: PageProps) {
  useTitle("Notifications");
  const unreadOnly = query.get("unread") === "1";
  const page = Math.max(1, Math.floor(Number(query.get("page")) || 1));
  const loaded = useLoad(
    () =>
      mustPage(api.GET("/api/user/notifications", { params: { query: { unread: unreadOnly, page, per_page: PER_PAGE } } })),
    [unreadOnly, page],
  );
  const unread = useUnread();
  // What the stream brought since the page opened (newest first), and what was marked read
  // here since the list was loaded: shown without asking for the list again.
  const [fresh, setFresh] = useState<Notification[]>([]);
  const [readHere, setReadHere] = useState<Record<string, string>>({});
  // Another filter or page asks the server afresh, and its answer holds what came so far.
  useEffect(() => setFresh([]), [unreadOnly, page]);
  useArrivals((a) => {
    if (a.kind === "missed") loaded.reload();
    else setFresh((xs) => [a.notification, ...xs]);
  }, []);

  const markRead = async (ids: string[] | undefined, shown: Notification[]) => {
    await must(api.POST("/api/user/notifications/read", { body: ids ? { ids, read: true } : { read: true } }));
    const now = new Date().toISOString();
    setReadHere((r) => ({ ...r, ...Object.fromEntries((ids ?? shown.map((n) => n.id)).map((id) => [id, now])) }));
    await refreshUnread();
  };
  const mark = useAction(markRead);
  const go = (changes: { unread?: boolean; page?: number }) => {
    const q = new URLSearchParams();
    if (changes.unread ?? unreadOnly) q.set("unread", "1");
    if (changes.page && changes.page > 1) q.set("page", String(changes.page));
    navigate(`/notifications${q.toString() ? `?${q}` : ""}`);
  };

  return (
    <div class="stack">
      <div class="spread">
        <h1 style={{ margin: 0 }}>Notifications</h1>
        <a href="/settings/notifications">Notification settings</a>
      </div>
      <div class="toolbar">
        <label class="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => go({ unread: e.currentTarget.checked })} /> Unread only
        </label>
        <span class="grow" />
        <button
          class="btn btn-small"
          disabled={mark.busy || unread === 0}
          onClick={() => void mark.run(undefined, [...fresh, ...(loaded.data?.items ?? [])])}
        >
          Mark all read
        </button>
      </div>
      <ErrorBox error={mark.error} />
      <Show loaded={loaded}>
        {({ items, total }) => {
          const known = new Set(items.map((n) => n.id));
          const arrived = fresh.filter((n) => !known.has(n.id));
          const shown = page === 1 ? [...arrived, ...items] : items;
          const all = total + (page === 1 ? arrived.length : 0);
          if (shown.length === 0)
            return (
              <Empty title={unreadOnly ? "No unread notifications." : "No notifications yet."}>
                You hear here when someone mentions you, assigns you, asks for your review or comments on what you follow.
                Choose what reaches you, and how, in <a href="/settings/notifications">notification settings</a>.
              </Empty>
            );
          return (
            <>
              {page > 1 && arrived.length > 0 && (
                <Notice>
                  {arrived.length === 1 ? "A new notification arrived" : `${arrived.length} new notifications arrived`}:{" "}
                  <a href={unreadOnly ? "/notifications?unread=1" : "/notifications"}>see the newest</a>.
                </Notice>
              )}
              <ul class="list" data-testid="notifications">
                {shown.map((n) => (
                  <NotificationRow
                    n={n}
                    read={!!(readHere[n.id] ?? n.read_at)}
                    busy={mark.busy}
                    onRead={() => void mark.run([n.id], shown)}
                  />
                ))}
              </ul>
              {all > PER_PAGE && (
                <div class="pager">
                  <button class="btn" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                    Newer
                  </button>
                  <span class="muted">
                    {(page - 1) * PER_PAGE + 1}–{(page - 1) * PER_PAGE + items.length} of {total}
                  </span>
                  <button class="btn" disabled={page * PER_PAGE >= total} onClick={() => go({ page: page + 1 })}>
                    Older
                  </button>
                </div>
              )}
            </>
          );
        }}
      </Show>
    </div>
  );
}

function NotificationRow(props: { n: Notification; read: boolean; busy: boolean; onRead: () => void }) {
  const { n, read } = props;
  return (
    <li class={read ? "notification" : "notification unread"}>
      <div class="row list-main">
        {!read && <span class="unread-dot" title="Unread" />}
        <div class="list-main">
          {!read && <span class="sr-only">Unread: </span>}
          {/* The URL is on the server's public URL: on this origin the router keeps the
              navigation in the app, elsewhere it is a page load. */}
          <a class="list-title" href={n.url} onClick={() => !read && props.onRead()}>
            {n.title}
          </a>
          <div class="muted">
            {kindLabel(n.kind)}
            {n.actor && <> · {n.actor}</>} · <Time at={n.created_at} />
          </div>
          {n.body && <p class="notification-body muted">{n.body}</p>}
        </div>
      </div>
      {!read && (
        <button class="btn btn-small" disabled={props.busy} onClick={props.onRead}>
          Mark read
        </button>
      )}
    </li>
  );
}
