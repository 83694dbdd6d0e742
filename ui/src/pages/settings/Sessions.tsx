import { api, must } from "../../api/client";
import { ErrorBox, Show, Time, useAction, useLoad, useTitle } from "../../components";
import { navigate } from "../../router";
import { setUser } from "../../session";

export default function Sessions() {
  useTitle("Sessions");
  const sessions = useLoad(() => must(api.GET("/api/user/sessions")), []);
  const revoke = useAction(async (id: string, current: boolean) => {
    await must(api.DELETE("/api/user/sessions/{session_id}", { params: { path: { session_id: Number(id) } } }));
    if (current) {
      setUser(null);
      navigate("/login");
    } else sessions.reload();
  });
  return (
    <div class="stack">
      <h1>Sessions</h1>
      <p class="muted">Where you are signed in. Sign out any you do not recognise.</p>
      <Show loaded={sessions}>
        {(list) => (
          <ul class="list" data-testid="sessions">
            {list.map((s) => (
              <li>
                <div class="list-main">
                  <div class="list-title">
                    {s.user_agent ?? "unknown browser"} {s.current && <span class="badge badge-success">this session</span>}
                  </div>
                  <div class="muted">
                    {s.client_address ?? "unknown address"} · signed in <Time at={s.created_at} /> · last seen{" "}
                    <Time at={s.last_seen_at} /> · ends <Time at={s.expires_at} />
                  </div>
                </div>
                <button class="btn btn-small btn-danger" disabled={revoke.busy} onClick={() => void revoke.run(s.id, s.current)}>
                  Sign out
                </button>
              </li>
            ))}
          </ul>
        )}
      </Show>
      <ErrorBox error={revoke.error} />
    </div>
  );
}
