// A project's issues: the list (with filters), one issue with its comments, a new one.
import { defineRoutes } from "../../router";

const I = "/:owner/:name/-/issues";
export default defineRoutes(
  { path: I, load: () => import("./IssueList"), layout: "project", public: true, title: "Issues",
    nav: { section: "project", label: "Issues", order: 50 } },
  { path: `${I}/new`, load: () => import("./NewIssue"), layout: "project", title: "New issue", tab: "Issues" },
  { path: `${I}/:iid`, load: () => import("./Issue"), layout: "project", public: true, title: "Issue", tab: "Issues" },
);
