// A project's merge requests: the list, a new one, one with its diff, reviews and merge.
import { defineRoutes } from "../../router";

const M = "/:owner/:name/-/merge_requests";
export default defineRoutes(
  { path: M, load: () => import("./MergeRequestList"), layout: "project", public: true, title: "Merge requests",
    nav: { section: "project", label: "Merge requests", order: 60 } },
  { path: `${M}/new`, load: () => import("./NewMergeRequest"), layout: "project", title: "New merge request",
    tab: "Merge requests" },
  { path: `${M}/:iid`, load: () => import("./MergeRequest"), layout: "project", public: true, title: "Merge request",
    tab: "Merge requests" },
);
