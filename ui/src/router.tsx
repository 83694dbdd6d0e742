// A small client-side router. Pages register themselves in `*.route.ts` files anywhere
// under src/pages (see routes.ts): a route names its path pattern, how to load its page
// (a lazy chunk), its layout, and where it shows up in navigation.
import type { ComponentChildren, ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

export type Params = Record<string, string>;

export interface PageProps {
  params: Params;
  query: URLSearchParams;
}

/** Where a route appears in a navigation menu of its layout. */
export interface NavEntry {
  /** "project" (the project's tabs), "project-settings", "settings" (user), "admin" */
  section: "project" | "project-settings" | "settings" | "admin";
  label: string;
  /** menus are sorted by this */
  order: number;
  /** the link, given the current route's params (default: the route's path, filled in) */
  href?: (params: Params) => string;
  /** show it only to callers holding this permission on the project (project sections) */
  permission?: string;
}

export interface RouteDef {
  /** `/:owner/:name/-/tree/*path`: `:x` is one segment, `*x` the rest (maybe empty) */
  path: string;
  load: () => Promise<{ default: ComponentType<PageProps> }>;
  /** what wraps the page: "plain" (default), "project", "settings", "admin" */
  layout?: "plain" | "project" | "settings" | "admin";
  /** readable without signing in (the API still decides what an anonymous caller sees) */
  public?: boolean;
  /** the page's title (the project's path is added in project pages) */
  title?: string;
  nav?: NavEntry;
  /** a page with no nav entry of its own: the label of the tab it belongs to ("Files") */
  tab?: string;
}

/** A route file's default export: one route or several. */
export const defineRoutes = (...routes: RouteDef[]) => routes;

interface Compiled {
  def: RouteDef;
  regex: RegExp;
  keys: string[];
  score: number;
}

export interface Match {
  def: RouteDef;
  params: Params;
}

function compile(def: RouteDef): Compiled {
  const keys: string[] = [];
  let score = 0;
  const parts = def.path.split("/").filter(Boolean);
  const source = parts
    .map((part) => {
      if (part.startsWith(":")) {
        keys.push(part.slice(1));
        score += 2;
        return "/([^/]+)";
      }
      if (part.startsWith("*")) {
        keys.push(part.slice(1));
        score += 1;
        return "(?:/(.*))?";
      }
      score += 3;
      return "/" + part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  // More specific first: more literal segments, then more segments.
  return { def, keys, score: score * 100 + parts.length, regex: new RegExp(`^${source || "/"}/?$`) };
}

let table: Compiled[] = [];

export function setRoutes(defs: RouteDef[]) {
  table = defs.map(compile).sort((a, b) => b.score - a.score);
}

export function allRoutes(): RouteDef[] {
  return table.map((c) => c.def);
}

export function match(path: string): Match | null {
  for (const c of table) {
    const m = c.regex.exec(path);
    if (m) {
      const params: Params = {};
      c.keys.forEach((k, i) => {
        const raw = m[i + 1] ?? "";
        try {
          params[k] = decodeURIComponent(raw);
        } catch {
          params[k] = raw;
        }
      });
      return { def: c.def, params };
    }
  }
  return null;
}

/** Fill a pattern with params: fill("/:owner/:name/-/commits", {owner, name}). */
export function fill(pattern: string, params: Params): string {
  return pattern
    .replace(/:(\w+)/g, (_, k) => encodeURIComponent(params[k] ?? ""))
    .replace(/\/\*(\w+)/g, (_, k) => (params[k] ? "/" + encodePath(params[k]!) : ""));
}

/** A repository path in a URL: each segment encoded, slashes kept. */
export const encodePath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

// --- the location ------------------------------------------------------------------------

export interface Loc {
  path: string;
  query: URLSearchParams;
  href: string;
}

const read = (): Loc => ({
  path: location.pathname,
  query: new URLSearchParams(location.search),
  href: location.pathname + location.search,
});
let current = read();
const listeners = new Set<() => void>();
const changed = () => {
  current = read();
  listeners.forEach((l) => l());
};
addEventListener("popstate", changed);

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === current.href) return;
  history[options.replace ? "replaceState" : "pushState"](null, "", to);
  changed();
  if (!options.replace) scrollTo(0, 0);
}

export function useLocation(): Loc {
  const [, set] = useState(0);
  const rendered = current;
  useEffect(() => {
    const l = () => set((n) => n + 1);
    listeners.add(l);
    // A navigation between this render and the effect would otherwise go unseen (see
    // useUser in session.ts).
    if (current !== rendered) l();
    return () => void listeners.delete(l);
  }, []);
  return current;
}

/** Paths the server answers itself: a link there is a real page load (raw files, archives). */
const SERVER_PATHS = /^\/(api|assets|_internal|v1|mcp|healthz|readyz|metrics)(\/|$)/;

// Same-origin links navigate inside the app, unless they point at the server's own paths,
// ask for a download or a new tab.
document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.target as Element | null)?.closest?.("a");
  if (!a || a.target || a.hasAttribute("download") || a.dataset.native !== undefined) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

export function Link(props: { href: string; class?: string; children?: ComponentChildren; title?: string }) {
  const active = current.path === props.href.split("?")[0];
  return (
    <a href={props.href} class={props.class} title={props.title} aria-current={active ? "page" : undefined}>
      {props.children}
    </a>
  );
}
