// The alert routes (dais/http/alerts.py). They are not in schema.d.ts yet, so the calls are
// plain fetches with the same progress bar and ApiError as the typed client's.
import { ApiError, tracked, type Problem } from "../../api/client";
import type { Alert, Rule, RuleIn, TestResult } from "./types";

const enc = encodeURIComponent;
const rules = (project: string) => `/api/projects/${enc(project)}/alert-rules`;

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await tracked(
      fetch(url, {
        method,
        credentials: "same-origin",
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  } catch (e) {
    throw new ApiError(0, { detail: `could not reach dais: ${(e as Error).message}` });
  }
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (parsed && typeof parsed === "object" ? parsed : { detail: `the server answered ${response.status}` }) as Problem;
    throw new ApiError(response.status, problem);
  }
  return parsed as T;
}

/** Every rule of the project (at most 200: two pages). */
export async function listRules(project: string): Promise<Rule[]> {
  const first = await call<Rule[]>("GET", `${rules(project)}?per_page=100`);
  if (first.length < 100) return first;
  return [...first, ...(await call<Rule[]>("GET", `${rules(project)}?per_page=100&page=2`))];
}
export const createRule = (project: string, body: RuleIn) => call<Rule>("POST", rules(project), body);
export const updateRule = (project: string, id: string, body: Partial<RuleIn>) =>
  call<Rule>("PATCH", `${rules(project)}/${enc(id)}`, body);
export const deleteRule = (project: string, id: string) => call<void>("DELETE", `${rules(project)}/${enc(id)}`);
export const testRule = (project: string, id: string) => call<TestResult>("POST", `${rules(project)}/${enc(id)}/test`);
export const listAlerts = (project: string) => call<Alert[]>("GET", `/api/projects/${enc(project)}/alerts?per_page=100`);
