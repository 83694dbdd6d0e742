// The signed-in user's notifications, live: one EventSource per tab, open while someone is
// signed in (GET /api/user/notifications/stream, dais/http/notifications.py). It keeps the
// bell's unread count and tells the notifications page of each new one. Reconnecting is
// EventSource's own; the server starts every connection with the count again.
import { useEffect, useState } from "preact/hooks";
import { api, must, type Of } from "./api/client";
import { currentUser, watchUser } from "./session";

export type Notification = Of<"/api/user/notifications", "get">[number];

/** What the stream says to a page: a new notification, or that some may have been missed
 * while it reconnected (reload the list). */
export type Arrival = { kind: "new"; notification: Notification } | { kind: "missed" };

const STREAM = "/api/user/notifications/stream";

let source: EventSource | null = null;
let streamingFor: string | null = null;
/** undefined until the stream's first `unread` event (or while nobody is signed in) */
let unread: number | undefined;
/** how many notifications arrived since the tab opened (see refreshUnread) */
let arrived = 0;
const countListeners = new Set<() => void>();
const arrivalListeners = new Set<(a: Arrival) => void>();

function setUnread(n: number | undefined) {
  unread = n === undefined ? undefined : Math.max(0, n);
  countListeners.forEach((l) => l());
}

function parse(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    console.warn("notifications: an event that is not JSON", event);
    return null;
  }
}

/** Open the stream for whoever is signed in now, close it when nobody is. */
function follow() {
  const id = currentUser()?.id ?? null;
  if (id === streamingFor) return;
  source?.close();
  source = null;
  streamingFor = id;
  setUnread(undefined);
  if (id === null) return;
  // Same origin: the browser sends the session cookie.
  const s = new EventSource(STREAM);
  let connections = 0;
  s.addEventListener("unread", (e) => {
    const count = (parse(e) as { count?: unknown } | null)?.count;
    if (typeof count === "number") setUnread(count);
    // Every connection opens with the count: after the first, this is a reconnection and
    // notifications sent in between never reached this tab.
    if (++connections > 1) arrivalListeners.forEach((l) => l({ kind: "missed" }));
  });
  s.addEventListener("notification", (e) => {
    const n = parse(e) as Notification | null;
    if (!n || typeof n.id !== "string") return;
    arrived++;
    setUnread((unread ?? 0) + 1);
    arrivalListeners.forEach((l) => l({ kind: "new", notification: n }));
  });
  source = s;
}

watchUser(follow);
follow();

/** Ask the server for the unread count again (after marking some read). */
export async function refreshUnread(): Promise<void> {
  // A notification arriving while the count is asked for may or may not be in it: ask again.
  for (let tries = 0; tries < 3; tries++) {
    const seen = arrived;
    const { count } = await must(api.GET("/api/user/notifications/unread-count"));
    if (arrived === seen || tries === 2) {
      if (streamingFor !== null) setUnread(count);
      return;
    }
  }
}

/** The unread count for the bell: undefined until known. */
export function useUnread(): number | undefined {
  const [, set] = useState(0);
  const rendered = unread;
  useEffect(() => {
    const l = () => set((n) => n + 1);
    countListeners.add(l);
    // The count may have changed between this render and the effect (the stream's first
    // event racing the first paint): catch up now, as useUser does.
    if (unread !== rendered) l();
    return () => void countListeners.delete(l);
  }, []);
  return unread;
}

/** Call `on` for each notification the stream brings while the component is mounted. */
export function useArrivals(on: (a: Arrival) => void, deps: unknown[]) {
  useEffect(() => {
    arrivalListeners.add(on);
    return () => void arrivalListeners.delete(on);
  }, deps);
}
