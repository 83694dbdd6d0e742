// The alert routes (dais/http/alerts.py), with hand-written types: plain fetches with the same progress bar and ApiError as the typed client's.
import { ApiError, tracked, type Problem } from "../../api/client";
import type { Alert, Grouping, HistoryEntry, Rule, RuleIn, Silence, SilenceIn, TestResult } from "./types";

const enc = encodeURIComponent;
const rules = (project: string) => `/api/projects/${enc(project)}/alert-rules`;
const silences = (project: string) => `/api/projects/${enc(project)}/silences`;

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

/** One page of a rule's transitions, newest first. */
export const ruleHistory = (project: string, id: string, page: number, perPage: number) =>
  call<HistoryEntry[]>("GET", `${rules(project)}/${enc(id)}/history?page=${page}&per_page=${perPage}`);
/** The project's silences, active and pending first (the first 100). */
export const listSilences = (project: string) => call<Silence[]>("GET", `${silences(project)}?per_page=100`);
export const createSilence = (project: string, body: SilenceIn) => call<Silence>("POST", silences(project), body);
export const expireSilence = (project: string, id: string) => call<Silence>("DELETE", `${silences(project)}/${enc(id)}`);
export const getGrouping = (project: string) => call<Grouping>("GET", `/api/projects/${enc(project)}/alert-grouping`);
export const putGrouping = (project: string, body: Grouping) =>
  call<Grouping>("PUT", `/api/projects/${enc(project)}/alert-grouping`, body);
