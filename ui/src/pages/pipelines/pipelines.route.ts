// A project's pipelines (the build engine): the list, schedules, one pipeline with its steps,
// logs and artifacts. The schedules' literal segment outranks `:number` (router.tsx scores).
import { defineRoutes } from "../../router";

const P = "/:owner/:name/-/pipelines";
export default defineRoutes(
  { path: P, load: () => import("./PipelineList"), layout: "project", public: true, title: "Pipelines",
    nav: { section: "project", label: "Pipelines", order: 70 } },
  { path: `${P}/schedules`, load: () => import("./Schedules"), layout: "project", public: true, title: "Pipeline schedules",
    tab: "Pipelines" },
  { path: `${P}/:number`, load: () => import("./Pipeline"), layout: "project", public: true, title: "Pipeline", tab: "Pipelines" },
);
