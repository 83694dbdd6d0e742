import { useState } from "preact/hooks";
import { api, ApiError, nextLink, type AuditRow } from "../../api/client";
import { Empty, Show, Time, useLoad, useTitle } from "../../components";

type Row = AuditRow;

export default function Audit() {
  useTitle("Audit log");
  const [filters, setFilters] = useState({ action: "", target_type: "" });
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before[before.length - 1];
  const rows = useLoad(async () => {
    const { data, error, response } = await api.GET("/api/admin/audit", {
      params: {
        query: {
          action: filters.action || undefined,
          target_type: filters.target_type || undefined,
          before: cursor,
          limit: 50,
        },
      },
    });
    if (!response.ok) throw new ApiError(response.status, (error ?? {}) as object);
    const next = nextLink(response);
    return { items: data as Row[], next: next ? Number(new URL(next, location.href).searchParams.get("before")) : null };
  }, [filters.action, filters.target_type, cursor]);
  return (
    <div class="stack">
      <h1>Audit log</h1>
      <form
        class="form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          setFilters({ action: String(d.get("action") ?? "").trim(), target_type: String(d.get("target_type") ?? "").trim() });
          setBefore([]);
        }}
      >
        <label class="field">
          <span class="field-label">Action</span>
          <input name="action" placeholder="e.g. auth.login" />
        </label>
        <label class="field">
          <span class="field-label">Target type</span>
          <input name="target_type" placeholder="e.g. project" />
        </label>
        <div class="form-actions">
          <button class="btn">Filter</button>
        </div>
      </form>
      <Show loaded={rows}>
        {({ items, next }) =>
          items.length === 0 ? (
            <Empty title="Nothing recorded matches." />
          ) : (
            <>
              <div class="table-wrap">
                <table class="table" data-testid="audit">
                  <thead>
                    <tr><th>When</th><th>Who</th><th>Action</th><th>Target</th><th>From</th><th>Details</th></tr>
                  </thead>
                  <tbody>
                    {items.map((r) => (
                      <tr>
                        <td class="nowrap"><Time at={r.at} /></td>
                        <td>{r.actor_name ?? <span class="muted">system</span>}</td>
                        <td><code>{r.action}</code></td>
                        <td>{r.target_type}{r.target_id ? ` #${r.target_id}` : ""}</td>
                        <td class="muted">{r.client_address}</td>
                        <td class="mono" style={{ fontSize: "0.8rem" }}>
                          {Object.keys(r.details).length ? JSON.stringify(r.details) : ""}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div class="pager">
                <button class="btn" disabled={!before.length} onClick={() => setBefore(before.slice(0, -1))}>
                  Newer
                </button>
                <button class="btn" disabled={!next} onClick={() => next && setBefore([...before, next])}>
                  Older
                </button>
              </div>
            </>
          )
        }
      </Show>
    </div>
  );
}
