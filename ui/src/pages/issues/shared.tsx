import type { Of } from "../../api/client";
import { Time } from "../../components";

export type Issue = Of<"/api/projects/{project}/issues/{iid}", "get">;
export type Label = Issue["labels"][number];
export type Milestone = Of<"/api/projects/{project}/milestones/{milestone_id}", "get">;

const safeColor = (color?: string | null) => (color && /^#[0-9a-f]{3,8}$/i.test(color) ? color : undefined);

/** A label as a chip; with `href` a link (the issue list filtered by it). */
export function LabelBadge(props: { label: { name: string; color?: string | null }; href?: string }) {
  const color = safeColor(props.label.color);
  const inner = (
    <>
      {color && <span class="label-dot" style={{ background: color }} aria-hidden="true" />}
      {props.label.name}
    </>
  );
  return props.href ? (
    <a class="badge label label-link" href={props.href} data-color={color} title={`Issues labelled ${props.label.name}`}>
      {inner}
    </a>
  ) : (
    <span class="badge label" data-color={color}>
      {inner}
    </span>
  );
}

/** The issue list of a project, filtered by one label. */
export const labelFilter = (base: string, name: string) => `${base}/-/issues?${new URLSearchParams({ labels: name })}`;

/** A milestone's progress: closed of all its issues, as a bar and in words. */
export function Progress(props: { progress: Milestone["progress"] }) {
  const { open_issues, closed_issues, percent } = props.progress;
  const total = open_issues + closed_issues;
  const pct = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div class="progress-wrap" data-testid="progress">
      <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Issues closed">
        <div class="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span class="muted progress-text">
        {total === 0 ? "no issues" : `${closed_issues} of ${total} closed · ${pct}%`}
        {total > 0 && ` · ${open_issues} open`}
      </span>
    </div>
  );
}

/** A due date ("2026-12-01"), marked overdue when it has passed and the milestone is open. */
export function DueDate(props: { due: string | null; state: string }) {
  if (!props.due) return <span class="muted">no due date</span>;
  const day = new Date(`${props.due}T23:59:59`);
  const overdue = props.state === "open" && day.getTime() < Date.now();
  return (
    <span class="due">
      due {day.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })}
      {overdue && <span class="badge badge-warning">overdue</span>}
    </span>
  );
}

/** Rows of issues (the list page, a milestone's page); `labelHref` makes the label chips filter. */
export function IssueRows(props: {
  issues: Issue[];
  base: string;
  labelHref?: (name: string) => string;
  showMilestone?: boolean;
}) {
  const { base } = props;
  return (
    <ul class="list" data-testid="issues">
      {props.issues.map((i) => (
        <li data-testid="issue-row">
          <div class="list-main">
            <div class="row">
              <a class="list-title" href={`${base}/-/issues/${i.iid}`}>
                {i.title}
              </a>
              {i.labels.map((l) => (
                <LabelBadge label={l} href={(props.labelHref ?? ((n: string) => labelFilter(base, n)))(l.name)} />
              ))}
            </div>
            <div class="muted">
              #{i.iid} opened <Time at={i.created_at} /> by {i.author?.username ?? "someone"}
              {props.showMilestone !== false && i.milestone && (
                <>
                  {" "}
                  · <a href={`${base}/-/milestones/${i.milestone.id}`}>{i.milestone.title}</a>
                </>
              )}
              {i.assignees.length > 0 && <> · assigned to {i.assignees.map((a) => a.username).join(", ")}</>}
            </div>
          </div>
          <div class="row">
            <StateBadge state={i.state} />
            {i.comments > 0 && <span class="muted">💬 {i.comments}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Links between the issue pages: the list, labels, milestones. */
export function IssueNav(props: { base: string; current: "issues" | "labels" | "milestones" }) {
  const items = [
    ["issues", "List"],
    ["labels", "Labels"],
    ["milestones", "Milestones"],
  ] as const;
  return (
    <nav class="subnav" aria-label="Issues">
      {items.map(([key, label]) => (
        <a href={`${props.base}/-/${key}`} aria-current={key === props.current ? "page" : undefined}>
          {label}
        </a>
      ))}
    </nav>
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
