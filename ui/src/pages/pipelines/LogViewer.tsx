// A step's log, with ANSI colours (ansi.ts), line links (#L12), follow-the-tail, search and
// a download link. A finished step's log is read whole (GET .../log). A running step's is
// read whole too, then followed on the stream (SSE, GET .../log/stream?after=n) from its last
// line; a pending step's stream waits for it to start. The stream ends with `event: end`.
// Logs are untrusted: every line becomes text nodes in spans, never HTML.
//
// Large logs: rows have one fixed height (LINE_PX; lines do not wrap, long ones scroll
// sideways), so the viewer is *windowed*: it renders the rows in the viewport and OVERSCAN
// rows either side, over a spacer as tall as the whole log. 100,000 lines stay about a
// hundred DOM rows. Streamed lines are buffered and appended once per animation frame.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { ErrorBox } from "../../components";
import { getLog, logStreamUrl, logUrl } from "./api";
import { markMatches, matcher, parseAnsi, plainText, styleClass, styleCss } from "./ansi";
import { STATE_LABEL } from "./PipelineStatus";
import { isLive, type LogEnd, type LogState, type Step, type StepState } from "./types";

/** The height of a row, in CSS pixels: `.log-line` in styles.css says the same. */
const LINE_PX = 20;
const OVERSCAN = 40;
/** The longest wait between two attempts to reopen a stream the browser gave up on. */
const MAX_BACKOFF_MS = 15000;
const SEARCH_DEBOUNCE_MS = 150;

type Phase =
  | { kind: "loading" }
  | { kind: "waiting" }
  | { kind: "live" }
  | { kind: "reconnecting" }
  | { kind: "done"; state: StepState; exitCode: number | null }
  | { kind: "failed"; error: unknown };

const lineInHash = () => {
  const m = /^#L(\d+)$/.exec(location.hash);
  return m ? Number(m[1]) : null;
};

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    console.warn("log stream: an event that is not JSON", event);
    return null;
  }
}

function phaseText(p: Phase): string {
  switch (p.kind) {
    case "loading":
      return "Loading the log…";
    case "waiting":
      return "Waiting for the step to start…";
    case "live":
      return "Live: new lines appear as the step writes them.";
    case "reconnecting":
      return "Connection lost; reconnecting…";
    case "done":
      return `Finished: ${STATE_LABEL[p.state]?.toLowerCase() ?? p.state}${p.exitCode !== null ? ` (exit code ${p.exitCode})` : ""}.`;
    case "failed":
      return "The log could not be read.";
  }
}

/** One line as spans of styled text (search matches in <mark>). */
function LineText(props: { line: string; needle: RegExp | null }) {
  const segments = markMatches(parseAnsi(props.line), props.needle);
  return (
    <span class="log-text">
      {segments.map((s) => {
        const cls = styleClass(s.style);
        const css = styleCss(s.style);
        if (s.mark)
          return (
            <mark class={cls || undefined} style={css}>
              {s.text}
            </mark>
          );
        return cls || css ? (
          <span class={cls || undefined} style={css}>
            {s.text}
          </span>
        ) : (
          s.text
        );
      })}
    </span>
  );
}

/** The lines' text without escapes, computed once per line and only while searching. */
function usePlain(lines: string[], version: number, searching: boolean, dirtyFrom: { current: number }) {
  const plain = useRef<string[]>([]);
  return useMemo(() => {
    if (!searching) return plain.current;
    if (dirtyFrom.current < plain.current.length) plain.current.length = dirtyFrom.current;
    for (let i = plain.current.length; i < lines.length; i++) plain.current.push(plainText(lines[i]!));
    dirtyFrom.current = lines.length;
    return plain.current;
  }, [version, searching]);
}

export function LogViewer(props: { projectId: string; number: number; step: Step; onEnd?: (end: LogEnd) => void }) {
  const { projectId, number, step } = props;
  const lines = useRef<string[]>([]);
  /** bumped whenever `lines` changes (it is mutated in place: copying 100,000 lines per frame would not do) */
  const [version, setVersion] = useState(0);
  /** lines from this index on changed since the plain-text cache was filled */
  const dirtyFrom = useRef(0);
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const hashLine = useRef(lineInHash());
  const [selected, setSelected] = useState<number | null>(hashLine.current);
  const [follow, setFollow] = useState(isLive(step.state) && hashLine.current === null);
  const followRef = useRef(follow);
  followRef.current = follow;
  const [view, setView] = useState({ top: 0, height: 480 });
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const body = useRef<HTMLDivElement>(null);
  const onEnd = useRef(props.onEnd);
  onEnd.current = props.onEnd;

  // --- reading the log ------------------------------------------------------------------
  useEffect(() => {
    lines.current = [];
    dirtyFrom.current = 0;
    setVersion((v) => v + 1);
    let stopped = false;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    let frame: number | null = null;
    let pending: string[] = [];
    let lastId = 0;
    let source: EventSource | null = null;
    let backoff = 1000;
    /** the step has started writing (it was running, said so, or a line came) */
    let started = step.state === "running";

    const flush = () => {
      frame = null;
      const batch = pending;
      pending = [];
      // push one by one: push(...batch) overflows the stack for a large batch
      for (const line of batch) lines.current.push(line);
      setVersion((v) => v + 1);
    };
    const schedule = () => {
      if (frame === null && !stopped) frame = requestAnimationFrame(flush);
    };
    const onLine = (id: number, data: string) => {
      if (id > 0) {
        if (id === lastId) {
          // A line over 64 KiB comes in parts under one id: the rest of the line.
          if (pending.length) pending[pending.length - 1] += data;
          else if (lines.current.length) {
            const last = lines.current.length - 1;
            lines.current[last] += data;
            dirtyFrom.current = Math.min(dirtyFrom.current, last);
          }
          return schedule();
        }
        if (id < lastId) return; // already shown (a reconnection resending)
        // Keep the numbering the server's, so that #L links match its line numbers.
        while (lines.current.length + pending.length < id - 1) pending.push("");
        lastId = id;
      }
      if (!started) {
        started = true;
        setPhase({ kind: "live" });
      }
      pending.push(data);
      schedule();
    };

    const later = (run: () => void, ms: number) => {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!stopped) run();
      }, ms);
      timers.add(t);
    };

    const open = () => {
      const s = new EventSource(logStreamUrl(projectId, number, step.name, lastId));
      source = s;
      s.onopen = () => {
        backoff = 1000;
        setPhase(started ? { kind: "live" } : { kind: "waiting" });
      };
      s.addEventListener("line", (e) => {
        const m = e as MessageEvent<string>;
        onLine(m.lastEventId ? Number(m.lastEventId) : 0, m.data);
      });
      s.addEventListener("state", (e) => {
        const st = parse<LogState>(e);
        if (!st) return;
        started = st.state !== "pending";
        setPhase(started ? { kind: "live" } : { kind: "waiting" });
      });
      s.addEventListener("end", (e) => {
        const end = parse<LogEnd>(e) ?? { state: step.state, exit_code: null };
        s.close();
        stopped = true;
        if (frame !== null) cancelAnimationFrame(frame);
        flush();
        setPhase({ kind: "done", state: end.state, exitCode: end.exit_code });
        onEnd.current?.(end);
      });
      s.onerror = () => {
        if (stopped) return;
        setPhase({ kind: "reconnecting" });
        // CONNECTING: the browser reconnects itself, sending Last-Event-ID. CLOSED: it gave up
        // (an HTTP error, not an event stream): find out why, then reopen from the last line.
        if (s.readyState !== EventSource.CLOSED) return;
        s.close();
        later(() => {
          getLog(projectId, number, step.name, 1).then(
            () => open(),
            (error) => {
              if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
                stopped = true;
                setPhase({ kind: "failed", error });
              } else open();
            },
          );
        }, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      };
    };

    if (step.state === "running") {
      // What the step wrote so far in one request, then the stream from there: the stream
      // would bring it too, but as one event per line (a long log would take seconds).
      setPhase({ kind: "loading" });
      getLog(projectId, number, step.name).then(
        (text) => {
          if (stopped) return;
          const all = text.split("\n");
          // The last piece is a line still being written (or "" after the final newline):
          // the stream sends it whole.
          all.pop();
          lines.current = all;
          lastId = all.length;
          dirtyFrom.current = 0;
          setVersion((v) => v + 1);
          setPhase({ kind: "live" });
          open();
        },
        (error) => {
          if (stopped) return;
          console.warn("log: reading what a running step wrote failed; streaming it all", error);
          open();
        },
      );
    } else if (step.state === "pending") {
      setPhase({ kind: "waiting" });
      open();
    } else {
      setPhase({ kind: "loading" });
      getLog(projectId, number, step.name).then(
        (text) => {
          if (stopped) return;
          const all = text.split("\n");
          if (all.length && all[all.length - 1] === "") all.pop();
          lines.current = all;
          dirtyFrom.current = 0;
          setVersion((v) => v + 1);
          setPhase({ kind: "done", state: step.state, exitCode: step.exit_code });
        },
        (error) => !stopped && setPhase({ kind: "failed", error }),
      );
    }
    return () => {
      stopped = true;
      source?.close();
      if (frame !== null) cancelAnimationFrame(frame);
      timers.forEach(clearTimeout);
    };
    // A new step or a new attempt is a new log; a state change of the same attempt is not.
  }, [projectId, number, step.name, step.attempt]);

  // --- search ---------------------------------------------------------------------------
  useEffect(() => {
    const t = setTimeout(() => setSearch(typed.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [typed]);
  const needle = useMemo(() => matcher(search), [search]);
  const plain = usePlain(lines.current, version, needle !== null, dirtyFrom);
  /** the indexes of the matching lines (the whole log is scanned once per search and per
   * batch of new lines: a case-insensitive regex test, some milliseconds for 100,000 lines) */
  const matches = useMemo(() => {
    if (!needle) return null;
    const test = new RegExp(needle.source, "i");
    const found: number[] = [];
    for (let i = 0; i < plain.length; i++) if (test.test(plain[i]!)) found.push(i);
    return found;
  }, [needle, plain, version]);

  // --- scrolling ------------------------------------------------------------------------
  const count = lines.current.length;
  const rows = matches ? matches.length : count;
  const jump = useRef<number | null>(hashLine.current);

  useEffect(() => {
    const el = body.current;
    if (!el) return;
    let frame: number | null = null;
    const read = () => {
      frame = null;
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    const onScroll = () => {
      // Following stops as soon as the user scrolls up and resumes at the bottom; decided
      // now, so that lines arriving before the next frame do not pull the view back down.
      const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_PX * 2;
      if (atBottom !== followRef.current) {
        followRef.current = atBottom;
        setFollow(atBottom);
      }
      if (frame === null) frame = requestAnimationFrame(read);
    };
    const resized = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    resized.observe(el);
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      el.removeEventListener("scroll", onScroll);
      resized.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, []);

  // Follow the tail: after new lines, stay at the bottom.
  useLayoutEffect(() => {
    const el = body.current;
    if (el && followRef.current && jump.current === null) el.scrollTop = el.scrollHeight;
  }, [version, follow, rows]);

  // A line from the URL (#L12) or a search cleared with a line selected: scroll to it once
  // it is there (a streamed log may not have reached it yet).
  useLayoutEffect(() => {
    const el = body.current;
    const n = jump.current;
    if (!el || n === null || n > count) return;
    const index = matches ? matches.indexOf(n - 1) : n - 1;
    jump.current = null;
    if (index < 0) return;
    el.scrollTop = Math.max(0, index * LINE_PX - el.clientHeight / 3);
    el.scrollIntoView({ block: "nearest" });
  }, [version, matches]);

  useEffect(() => {
    const onHash = () => {
      const n = lineInHash();
      setSelected(n);
      if (n !== null) {
        jump.current = n;
        setFollow(false);
        setVersion((v) => v + 1);
      }
    };
    addEventListener("hashchange", onHash);
    addEventListener("popstate", onHash);
    return () => {
      removeEventListener("hashchange", onHash);
      removeEventListener("popstate", onHash);
    };
  }, []);

  // Clearing the search keeps the selected line in view.
  useEffect(() => {
    if (!needle && selected !== null) {
      jump.current = selected;
      setVersion((v) => v + 1);
    }
  }, [needle]);

  // A line's link names the step too, so that it still leads here once another step would
  // be the page's default one.
  const q = new URLSearchParams(location.search);
  q.set("step", step.name);
  const lineHref = (n: number) => `${location.pathname}?${q}#L${n}`;
  const pick = (n: number) => (e: MouseEvent) => {
    e.preventDefault(); // the router would push a new entry and scroll to the top
    history.replaceState(history.state, "", lineHref(n));
    setSelected(n);
    setFollow(false);
  };
  const toEnd = () => {
    setFollow(true);
    const el = body.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  const start = Math.max(0, Math.floor(view.top / LINE_PX) - OVERSCAN);
  const end = Math.min(rows, Math.ceil((view.top + view.height) / LINE_PX) + OVERSCAN);
  const shown: number[] = [];
  for (let k = start; k < end; k++) shown.push(matches ? matches[k]! : k);

  const download = `${logUrl(projectId, number, step.name)}?download=1`;
  const streaming = phase.kind === "live" || phase.kind === "waiting" || phase.kind === "reconnecting";
  return (
    <section class="log-viewer" aria-label={`Log of ${step.name}`} data-testid="log-viewer" data-phase={phase.kind}>
      <div class="log-toolbar">
        <span class="log-status" role="status" aria-live="polite" data-testid="log-status">
          {streaming && <span class="log-live-dot" aria-hidden="true" />}
          {phaseText(phase)}
        </span>
        <span class="muted" data-testid="log-count">
          {count.toLocaleString()} line{count === 1 ? "" : "s"}
          {matches && ` · ${matches.length.toLocaleString()} matching`}
        </span>
        <span class="grow" />
        <input
          type="search"
          class="log-search"
          placeholder="Search the log"
          aria-label="Search the log"
          data-testid="log-search"
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <button
          type="button"
          class="btn btn-small"
          aria-pressed={follow}
          data-testid="log-follow"
          title="Keep the newest lines in view"
          onClick={() => (follow ? setFollow(false) : toEnd())}
        >
          Follow
        </button>
        {!follow && (
          <button type="button" class="btn btn-small" data-testid="log-jump-end" onClick={toEnd}>
            Jump to end
          </button>
        )}
        <a class="btn btn-small" href={download} download data-testid="log-download">
          Download
        </a>
      </div>
      {phase.kind === "failed" && <ErrorBox error={phase.error} />}
      <div class="log-body" ref={body} tabIndex={0} aria-label={`Lines of the ${step.name} log`} data-testid="log-lines">
        <div class="log-spacer" style={{ height: `${rows * LINE_PX}px` }}>
          <div class="log-window" style={{ transform: `translateY(${start * LINE_PX}px)` }}>
            {shown.map((i) => {
              const n = i + 1;
              return (
                <div key={n} class={n === selected ? "log-line selected" : "log-line"} data-testid="log-line" data-line={n}>
                  <a class="log-ln" href={lineHref(n)} onClick={pick(n)} aria-label={`Line ${n}`}>
                    {n}
                  </a>
                  <LineText line={lines.current[i] ?? ""} needle={needle} />
                </div>
              );
            })}
          </div>
        </div>
        {phase.kind === "done" && count === 0 && <p class="log-empty muted">This step wrote nothing.</p>}
        {matches && matches.length === 0 && count > 0 && <p class="log-empty muted">No line matches “{search}”.</p>}
      </div>
      {step.log_truncated && (
        <p class="log-truncated" data-testid="log-truncated">
          The log was truncated: the step wrote more than dais keeps ({step.log_lines.toLocaleString()} lines kept).
        </p>
      )}
    </section>
  );
}
