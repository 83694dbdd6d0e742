// The app's small kit of shared pieces: loading, errors, empty states, forms, copy buttons.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, watchInFlight } from "./api/client";

// --- data --------------------------------------------------------------------------------

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Load data for a page: re-runs when `deps` change; stale answers are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Run an action (a form submit, a button): busy while it runs, its error kept to show. */
export function useAction<A extends unknown[], T>(run: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const go = async (...args: A): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await run(...args);
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run: go, busy, error, setError };
}

/** Render a Loaded: a spinner, the problem, or the children with the data. */
export function Show<T>(props: {
  loaded: Loaded<T>;
  children: (data: T) => ComponentChildren;
  label?: string;
}) {
  const { data, error, loading } = props.loaded;
  if (error) return <ErrorBox error={error} />;
  if (data === undefined) return loading ? <Spinner label={props.label} /> : null;
  return <>{props.children(data)}</>;
}

// --- feedback ----------------------------------------------------------------------------

export function Spinner(props: { label?: string }) {
  return (
    <div class="spinner" role="status" aria-live="polite">
      <span class="spinner-dot" aria-hidden="true" />
      {props.label ?? "Loading…"}
    </div>
  );
}

/** The thin bar at the top while requests are in flight (after a short delay). */
export function TopProgress() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watchInFlight((n) => {
      clearTimeout(timer);
      if (n > 0) timer = setTimeout(() => setShown(true), 150);
      else setShown(false);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);
  return <div class={shown ? "top-progress active" : "top-progress"} aria-hidden="true" />;
}

/** An error as the user should read it: the problem's detail, and what to do for 401/404.
 * `signIn={false}` where a 401 is about something else than the session (a pasted token). */
export function ErrorBox(props: { error: unknown; title?: string; signIn?: boolean }) {
  const e = props.error;
  if (!e) return null;
  let detail = String((e as Error)?.message ?? e);
  let status = 0;
  let fields: { field?: string; rule?: string }[] = [];
  if (e instanceof ApiError) {
    status = e.status;
    detail = e.problem.detail || e.message;
    fields = e.problem.errors ?? [];
  } else if (e instanceof DOMException && e.name === "NotAllowedError") {
    detail = "The passkey prompt was dismissed or timed out.";
  }
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <div class="alert alert-error" role="alert">
      <strong>{props.title ?? (status ? `${status}: ` : "")}</strong>
      {detail}
      {fields.length > 1 && (
        <ul>
          {fields.map((f) => (
            <li>
              <code>{f.field}</code>: {f.rule}
            </li>
          ))}
        </ul>
      )}
      {status === 401 && props.signIn !== false && location.pathname !== "/login" && (
        <p>
          <a href={`/login?next=${next}`}>Sign in</a> to continue.
        </p>
      )}
    </div>
  );
}

export function Notice(props: { children: ComponentChildren; kind?: "info" | "success" | "warning" }) {
  return (
    <div class={`alert alert-${props.kind ?? "info"}`} role="status">
      {props.children}
    </div>
  );
}

/** An empty state: what is missing and what to do next. */
export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty-title">{props.title}</p>
      {props.children && <div class="empty-next">{props.children}</div>}
    </div>
  );
}

// --- bits --------------------------------------------------------------------------------

export function CopyButton(props: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
    } catch {
      // Clipboard refused (insecure context): select a hidden field and copy from it.
      const t = document.createElement("textarea");
      t.value = props.text;
      document.body.append(t);
      t.select();
      document.execCommand("copy");
      t.remove();
    }
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" class="btn btn-small" onClick={copy} aria-label={props.label ?? "Copy"}>
      {done ? "Copied" : (props.label ?? "Copy")}
    </button>
  );
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31536000],
  ["month", 2592000],
  ["week", 604800],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
];
const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

export function Time(props: { at: string | null | undefined; never?: string }) {
  if (!props.at) return <span class="muted">{props.never ?? "never"}</span>;
  const date = new Date(props.at);
  const seconds = (date.getTime() - Date.now()) / 1000;
  let text = "just now";
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      text = rtf.format(Math.round(seconds / size), unit);
      break;
    }
  }
  return (
    <time dateTime={props.at} title={date.toLocaleString()}>
      {text}
    </time>
  );
}

export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · dais` : "dais";
  }, [title]);
}

export function Field(props: { label: string; hint?: ComponentChildren; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      {props.children}
      {props.hint && <span class="field-hint">{props.hint}</span>}
    </label>
  );
}

/** A form whose submit runs an action, showing busy state and the problem's detail. */
export function Form(props: {
  onSubmit: (data: FormData) => Promise<unknown>;
  submit: string;
  children: ComponentChildren;
  danger?: boolean;
  class?: string;
  resetOnSuccess?: boolean;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const action = useAction(async (data: FormData) => {
    await props.onSubmit(data);
    if (props.resetOnSuccess) ref.current?.reset();
  });
  return (
    <form
      ref={ref}
      class={props.class ?? "form"}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(new FormData(e.currentTarget));
      }}
    >
      {props.children}
      <ErrorBox error={action.error} />
      <div class="form-actions">
        <button class={props.danger ? "btn btn-danger" : "btn btn-primary"} disabled={action.busy}>
          {action.busy ? "Working…" : props.submit}
        </button>
      </div>
    </form>
  );
}

export const str = (data: FormData, name: string) => String(data.get(name) ?? "").trim();
