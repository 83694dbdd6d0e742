// Markdown, rendered by marked and sanitized by DOMPurify in a lazy chunk (markdown-render.ts):
// pages pay for it only when they show Markdown.
import { useEffect, useRef, useState } from "preact/hooks";
import { Spinner } from "./components";
import { useProjectIfAny } from "./layouts/project";
import type { RenderOptions } from "./markdown-render";

let renderer: Promise<typeof import("./markdown-render")> | null = null;
const load = () => (renderer ??= import("./markdown-render"));

export function Markdown(props: { source: string; options?: RenderOptions; class?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  // In a project, `#12` and `!3` link to its issue 12 and merge request 3.
  const references = useProjectIfAny()?.base;
  useEffect(() => {
    let live = true;
    void load().then((m) => {
      if (!live || !ref.current) return;
      // Sanitized HTML only: scripts, event handlers and javascript: URLs are gone.
      ref.current.replaceChildren(m.render(props.source, { references, ...props.options }));
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [props.source, references]);
  return (
    <>
      {!ready && <Spinner label="Rendering…" />}
      <div ref={ref} class={`markdown ${props.class ?? ""}`} data-testid="markdown" />
    </>
  );
}
