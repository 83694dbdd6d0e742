import type { Of } from "../../api/client";

export type Issue = Of<"/api/projects/{project}/issues/{iid}", "get">;
export type Label = Issue["labels"][number];

export function LabelBadge(props: { label: { name: string; color?: string | null } }) {
  const color = props.label.color && /^#[0-9a-f]{3,8}$/i.test(props.label.color) ? props.label.color : undefined;
  return (
    <span class="badge label" data-color={color}>
      {color && <span class="label-dot" style={{ background: color }} aria-hidden="true" />}
      {props.label.name}
    </span>
  );
}

export function StateBadge(props: { state: string }) {
  const kind = props.state === "open" ? "badge-success" : props.state === "merged" ? "badge-accent" : "";
  return <span class={`badge ${kind}`}>{props.state}</span>;
}

/** "a, b ,c" -> ["a", "b", "c"] */
export const words = (text: string) =>
  text
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
