import { defineRoutes } from "../../router";

export default defineRoutes(
  { path: "/", load: () => import("./Dashboard"), public: true, title: "Projects" },
  { path: "/-/new", load: () => import("./NewProject"), title: "New project" },
  { path: "/:owner", load: () => import("./Owner"), public: true },
  { path: "/settings", load: () => import("./ToProfile") },
);
