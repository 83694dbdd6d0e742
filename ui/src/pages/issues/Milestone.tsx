// One milestone: its progress and its issues; edit, close or reopen, delete (project:write).
import { api, must } from "../../api/client";
import { Empty, ErrorBox, Form, Show, useAction, useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { Markdown } from "../../markdown";
import { navigate, type PageProps } from "../../router";
import { MilestoneFields, milestoneFields } from "./Milestones";
import { DueDate, IssueNav, IssueRows, Progress, StateBadge } from "./shared";

export default function Milestone({ params }: PageProps) {
  const { project, base, can } = useProject();
  const id = params.id!;
  const path = { project: project.id, milestone_id: Number(id) };
  const loaded = useLoad(async () => {
    const [milestone, issues] = await Promise.all([
      must(api.GET("/api/projects/{project}/milestones/{milestone_id}", { params: { path } })),
      must(
        api.GET("/api/projects/{project}/issues", {
          params: { path: { project: project.id }, query: { milestone: id, state: "all", per_page: 100 } },
        }),
      ),
    ]);
    return { milestone, issues };
  }, [project.id, id]);
  const change = useAction(async (body: { state: "open" | "closed" }) => {
    await must(api.PATCH("/api/projects/{project}/milestones/{milestone_id}", { params: { path }, body }));
    loaded.reload();
  });
  const remove = useAction(async (title: string) => {
    if (!confirm(`Delete the milestone "${title}"? Its issues stay, without a milestone.`)) return;
    await must(api.DELETE("/api/projects/{project}/milestones/{milestone_id}", { params: { path } }));
    navigate(`${base}/-/milestones`);
  });
  const writer = can("project:write");
  return (
    <div class="stack">
      <IssueNav base={base} current="milestones" />
      <Show loaded={loaded}>
        {({ milestone: m, issues }) => {
          const open = issues.filter((i) => i.state === "open");
          const closed = issues.filter((i) => i.state !== "open");
          return (
            <>
              <div class="spread">
                <h2 style={{ margin: 0 }} data-testid="milestone-title">
                  {m.title}
                </h2>
                <StateBadge state={m.state} />
              </div>
              <p class="muted">
                <DueDate due={m.due_date} state={m.state} />
              </p>
              <Progress progress={m.progress} />
              {m.description && (
                <div class="card">
                  <div class="card-body">
                    <Markdown source={m.description} />
                  </div>
                </div>
              )}
              {writer && (
                <div class="row">
                  <button
                    class="btn"
                    disabled={change.busy}
                    onClick={() => void change.run({ state: m.state === "open" ? "closed" : "open" })}
                  >
                    {m.state === "open" ? "Close milestone" : "Reopen milestone"}
                  </button>
                  <button class="btn btn-danger" disabled={remove.busy} onClick={() => void remove.run(m.title)}>
                    Delete milestone
                  </button>
                </div>
              )}
              <ErrorBox error={change.error || remove.error} />
              {writer && (
                <details class="card">
                  <summary class="card-header">Edit milestone</summary>
                  <div class="card-body">
                    <Form
                      submit="Save"
                      onSubmit={async (data) => {
                        await must(
                          api.PATCH("/api/projects/{project}/milestones/{milestone_id}", {
                            params: { path },
                            body: milestoneFields(data),
                          }),
                        );
                        loaded.reload();
                      }}
                    >
                      <MilestoneFields title={m.title} due={m.due_date} description={m.description} />
                    </Form>
                  </div>
                </details>
              )}
              <h3>Issues</h3>
              {issues.length === 0 ? (
                <Empty title="No issues in this milestone.">
                  Set it on an issue (the Milestone box of an issue&apos;s page, or when <a href={`${base}/-/issues/new`}>opening one</a>).
                </Empty>
              ) : (
                <>
                  {open.length > 0 && <IssueRows issues={open} base={base} showMilestone={false} />}
                  {closed.length > 0 && (
                    <>
                      <h4 class="muted">Closed</h4>
                      <IssueRows issues={closed} base={base} showMilestone={false} />
                    </>
                  )}
                  <a href={`${base}/-/issues?${new URLSearchParams({ milestone: id, state: "all" })}`}>
                    These issues in the issue list →
                  </a>
                </>
              )}
            </>
          );
        }}
      </Show>
    </div>
  );
}
