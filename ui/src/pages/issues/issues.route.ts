// A project's issues: the list (with filters), one issue with its comments, a new one; the
// project's labels and milestones (under the Issues tab).
import { defineRoutes } from "../../router";

const I = "/:owner/:name/-/issues";
const P = "/:owner/:name/-";
export default defineRoutes(
  { path: I, load: () => import("./IssueList"), layout: "project", public: true, title: "Issues",
    nav: { section: "project", label: "Issues", order: 50 } },
  { path: `${I}/new`, load: () => import("./NewIssue"), layout: "project", title: "New issue", tab: "Issues" },
  { path: `${I}/:iid`, load: () => import("./Issue"), layout: "project", public: true, title: "Issue", tab: "Issues" },
  { path: `${P}/labels`, load: () => import("./Labels"), layout: "project", public: true, title: "Labels", tab: "Issues" },
  { path: `${P}/milestones`, load: () => import("./Milestones"), layout: "project", public: true, title: "Milestones",
    tab: "Issues" },
  { path: `${P}/milestones/:id`, load: () => import("./Milestone"), layout: "project", public: true, title: "Milestone",
    tab: "Issues" },
);
