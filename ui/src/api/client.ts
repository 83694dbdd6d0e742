// The typed API client: openapi-fetch over the generated schema (schema.d.ts), plus the
// problem+json error every failure carries and a count of requests in flight (the progress
// bar at the top of the page).
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

// Types by route rather than by schema name: Litestar renames a schema when two modules
// declare one of the same name, a route's answer stays put.
type Ok<Op> = Op extends { responses: { 200: { content: { "application/json": infer T } } } }
  ? T
  : Op extends { responses: { 201: { content: { "application/json": infer T } } } }
    ? T
    : never;
/** What a route answers: Of<"/api/user", "get">. */
export type Of<P extends keyof paths, M extends keyof paths[P]> = Ok<paths[P][M]>;
type Json<Op> = Op extends { requestBody?: { content: { "application/json": infer T } } } ? T : never;
/** What a route takes: BodyOf<"/api/user", "patch">. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = Json<paths[P][M]>;

const R = "/api/projects/{project}/repository" as const;
export type User = Of<"/api/user", "get">;
/** Another user as anyone signed in may see them (the user lookup, for pickers). */
export type UserSummary = Of<"/api/users", "get">[number];
export type Project = Of<"/api/projects/{project}", "get">;
export type Blob = Of<`${typeof R}/blob`, "get">;
export type Commit = Of<`${typeof R}/commits`, "get">[number];
export type CommitDetail = Of<`${typeof R}/commits/{sha}`, "get">;
export type DiffOut = CommitDetail["diff"];
export type FileDiff = DiffOut["files"][number];
export type BranchRule = Of<"/api/projects/{project}/protected-branches", "get">[number];
export type CreatedToken = Of<"/api/user/tokens", "post">;
export type AuditRow = Of<"/api/admin/audit", "get">[number];

/** Every permission dais knows (dais/actors/identity/permissions.py), for scope pickers. */
export const PERMISSIONS = [
  "project:read", "project:write", "project:admin", "issue:write", "merge_request:write",
  "merge_request:merge", "pipeline:read", "pipeline:run", "deploy:read", "deploy:promote",
  "observe:read", "observe:write", "telemetry:write", "secret:read", "secret:write", "agent:run",
  "admin:users", "admin:roles",
  "admin:platform",
];

/** An RFC 9457 problem, as every dais error is. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { field?: string; rule?: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `request failed (${status})`);
  }
}

// --- requests in flight ------------------------------------------------------------------
let inFlight = 0;
const watchers = new Set<(n: number) => void>();
function setInFlight(n: number) {
  inFlight = n;
  watchers.forEach((w) => w(n));
}
export function watchInFlight(w: (n: number) => void): () => void {
  watchers.add(w);
  w(inFlight);
  return () => watchers.delete(w);
}
export async function tracked<T>(work: Promise<T>): Promise<T> {
  setInFlight(inFlight + 1);
  try {
    return await work;
  } finally {
    setInFlight(inFlight - 1);
  }
}

const progress: Middleware = {
  onRequest() {
    setInFlight(inFlight + 1);
  },
  onResponse() {
    setInFlight(inFlight - 1);
  },
  onError() {
    setInFlight(inFlight - 1);
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(progress);

function problemOf(status: number, error: unknown): Problem {
  if (error && typeof error === "object") return error as Problem;
  if (typeof error === "string" && error) return { status, detail: error };
  return { status, detail: `the server answered ${status}` };
}

/** The data of a successful call, or throws ApiError carrying the problem's detail. */
export async function must<R extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<R>,
): Promise<Exclude<R["data"], undefined>> {
  let result: R;
  try {
    result = await call;
  } catch (e) {
    throw new ApiError(0, { detail: `could not reach dais: ${(e as Error).message}` });
  }
  if (!result.response.ok) throw new ApiError(result.response.status, problemOf(result.response.status, result.error));
  return result.data as Exclude<R["data"], undefined>;
}

/** One page of a list and how many there are in all: every list answers a JSON array with
 * `X-Total-Count` and `Link` headers (dais/http/paging.py). */
export interface Paged<T> {
  items: T[];
  total: number;
}

/** Like `must`, for a list: its page, and the total from `X-Total-Count`. */
type Item<R extends { data?: unknown }> = Exclude<R["data"], undefined> extends (infer T)[] ? T : never;

export async function mustPage<R extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<R>,
): Promise<Paged<Item<R>>> {
  let result: R;
  try {
    result = await call;
  } catch (e) {
    throw new ApiError(0, { detail: `could not reach dais: ${(e as Error).message}` });
  }
  if (!result.response.ok) throw new ApiError(result.response.status, problemOf(result.response.status, result.error));
  const items = (result.data ?? []) as Item<R>[];
  const total = Number(result.response.headers.get("x-total-count") ?? items.length);
  return { items, total: Number.isFinite(total) ? total : items.length };
}

/** The `next` link of a paged response (RFC 8288 Link header), if any. */
export function nextLink(response: Response): string | null {
  const link = response.headers.get("link");
  const m = link && /<([^>]+)>;\s*rel="next"/.exec(link);
  return m ? m[1]! : null;
}

/** A plain JSON call, for the few routes outside the OpenAPI document. */
export async function getJSON<T>(url: string): Promise<T> {
  const response = await tracked(fetch(url, { credentials: "same-origin" }));
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, problemOf(response.status, body));
  return body as T;
}

/** The repository browser's URL of a file's bytes (raw view or download). */
export function rawUrl(projectId: string, ref: string, path: string): string {
  const q = new URLSearchParams({ ref, path });
  return `/api/projects/${projectId}/repository/raw?${q}`;
}
