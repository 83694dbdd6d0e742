// A diff as the repository API gives it (files with unified-diff hunks), shown unified or
// side by side. Merge request pages reuse it: `annotate` renders things under a line
// (comments), `onLine` makes line numbers clickable (start a comment).
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { DiffOut, FileDiff } from "./api/client";

export type { FileDiff };
export interface DiffLine {
  kind: "add" | "del" | "ctx" | "hunk";
  text: string;
  old?: number;
  new?: number;
}
export interface LineRef {
  path: string;
  /** the line in the old file (deleted or context lines) */
  old?: number;
  /** the line in the new file (added or context lines) */
  new?: number;
}

export function parsePatch(patch: string): DiffLine[] {
  const out: DiffLine[] = [];
  let o = 0;
  let n = 0;
  const lines = patch.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      o = Number(hunk[1]);
      n = Number(hunk[2]);
      out.push({ kind: "hunk", text: line });
    } else if (line.startsWith("+")) out.push({ kind: "add", text: line.slice(1), new: n++ });
    else if (line.startsWith("-")) out.push({ kind: "del", text: line.slice(1), old: o++ });
    else if (line.startsWith("\\")) out.push({ kind: "hunk", text: line });
    else out.push({ kind: "ctx", text: line.slice(1), old: o++, new: n++ });
  }
  return out;
}

interface Hooks {
  annotate?: (at: LineRef) => ComponentChildren;
  onLine?: (at: LineRef) => void;
}

const pathOf = (f: FileDiff) => f.new_path ?? f.old_path ?? "";

function Num(props: { n?: number; at: LineRef; hooks: Hooks; kind?: string }) {
  const cls = `ln ${props.kind ?? ""}`;
  if (props.n === undefined) return <td class={cls} />;
  return (
    <td class={cls}>
      {props.hooks.onLine ? (
        <button type="button" class="btn-link" onClick={() => props.hooks.onLine!(props.at)} title="Comment on this line">
          {props.n}
        </button>
      ) : (
        props.n
      )}
    </td>
  );
}

function Unified(props: { file: FileDiff; lines: DiffLine[]; hooks: Hooks }) {
  const path = pathOf(props.file);
  return (
    <table class="diff-table">
      <tbody>
        {props.lines.map((l) => {
          const at = { path, old: l.old, new: l.new };
          const extra = l.kind !== "hunk" && props.hooks.annotate?.(at);
          return (
            <>
              <tr class={l.kind}>
                <Num n={l.old} at={at} hooks={props.hooks} />
                <Num n={l.new} at={at} hooks={props.hooks} />
                <td class="code-line">
                  {l.kind === "add" ? "+" : l.kind === "del" ? "-" : l.kind === "ctx" ? " " : ""}
                  {l.text}
                </td>
              </tr>
              {extra && (
                <tr>
                  <td colSpan={3}>{extra}</td>
                </tr>
              )}
            </>
          );
        })}
      </tbody>
    </table>
  );
}

function SideBySide(props: { file: FileDiff; lines: DiffLine[]; hooks: Hooks }) {
  const path = pathOf(props.file);
  const rows: [DiffLine | null, DiffLine | null][] = [];
  let dels: DiffLine[] = [];
  let adds: DiffLine[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(dels.length, adds.length); i++) rows.push([dels[i] ?? null, adds[i] ?? null]);
    dels = [];
    adds = [];
  };
  for (const l of props.lines) {
    if (l.kind === "del") dels.push(l);
    else if (l.kind === "add") adds.push(l);
    else {
      flush();
      rows.push([l, l]);
    }
  }
  flush();
  const cell = (l: DiffLine | null, side: "old" | "new") => {
    if (!l) return [<td class="ln empty" />, <td class="code-line empty" />];
    if (l.kind === "hunk") return side === "old" ? [<td colSpan={4} class="code-line">{l.text}</td>] : [];
    const n = side === "old" ? l.old : l.new;
    const at = { path, [side]: n };
    return [<Num n={n} at={at} hooks={props.hooks} kind={l.kind} />, <td class={`code-line ${l.kind}`}>{l.text}</td>];
  };
  return (
    <table class="diff-table split">
      <tbody>
        {rows.map(([a, b]) => (
          <tr class={a?.kind === "hunk" ? "hunk" : ""}>
            <>{cell(a, "old")}</>
            <>{cell(b, "new")}</>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Diff(props: { diff: DiffOut; hooks?: Hooks }) {
  const [split, setSplit] = useState(() => localStorage.getItem("dais.diff") === "split");
  const choose = (s: boolean) => {
    setSplit(s);
    localStorage.setItem("dais.diff", s ? "split" : "unified");
  };
  const hooks = props.hooks ?? {};
  return (
    <div data-testid="diff">
      <div class="toolbar">
        <span class="grow muted">
          {props.diff.files.length} file{props.diff.files.length === 1 ? "" : "s"} changed
        </span>
        <button class="btn btn-small" aria-pressed={!split} onClick={() => choose(false)}>
          Unified
        </button>
        <button class="btn btn-small" aria-pressed={split} onClick={() => choose(true)}>
          Side by side
        </button>
      </div>
      {props.diff.files.map((f) => (
        <div class="card diff-file">
          <div class="card-header">
            <span>
              {f.old_path && f.new_path && f.old_path !== f.new_path ? `${f.old_path} → ${f.new_path}` : pathOf(f)}{" "}
              <span class="badge">{f.status}</span>
            </span>
            <span>
              <span class="stat-add">+{f.additions}</span> <span class="stat-del">−{f.deletions}</span>
            </span>
          </div>
          <div class="diff">
            {f.binary ? (
              <div class="muted">Binary file not shown.</div>
            ) : f.too_large || f.patch == null ? (
              <div class="muted">This diff is too large to show.</div>
            ) : split ? (
              <SideBySide file={f} lines={parsePatch(f.patch)} hooks={hooks} />
            ) : (
              <Unified file={f} lines={parsePatch(f.patch)} hooks={hooks} />
            )}
          </div>
        </div>
      ))}
      {props.diff.truncated && <p class="muted">The diff was cut short: it is too large to show whole.</p>}
    </div>
  );
}
