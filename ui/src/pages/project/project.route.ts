// The project's pages. The tabs come from `nav` entries with section "project".
import { defineRoutes } from "../../router";

const P = "/:owner/:name";
export default defineRoutes(
  { path: P, load: () => import("./Overview"), layout: "project", public: true,
    nav: { section: "project", label: "Overview", order: 0 } },
  { path: `${P}/-/tree/*path`, load: () => import("./Files"), layout: "project", public: true, title: "Files",
    nav: { section: "project", label: "Files", order: 10, href: (p) => `/${p.owner}/${p.name}/-/tree` } },
  { path: `${P}/-/blob/*path`, load: () => import("./Blob"), layout: "project", public: true, title: "Files", tab: "Files" },
  { path: `${P}/-/commits`, load: () => import("./Commits"), layout: "project", public: true, title: "Commits",
    nav: { section: "project", label: "Commits", order: 20 } },
  { path: `${P}/-/commit/:sha`, load: () => import("./Commit"), layout: "project", public: true, title: "Commit", tab: "Commits" },
  { path: `${P}/-/branches`, load: () => import("./Branches"), layout: "project", public: true, title: "Branches",
    nav: { section: "project", label: "Branches", order: 30 } },
  { path: `${P}/-/tags`, load: () => import("./Tags"), layout: "project", public: true, title: "Tags",
    nav: { section: "project", label: "Tags", order: 40 } },
);
