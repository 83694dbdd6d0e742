// A project's telemetry, in place of a Grafana: its logs, its traces (and one trace's
// waterfall), its metrics (PromQL), and dais's own health. One "Observe" tab, after
// Pipelines, leads to the logs; the pages link each other (shared.tsx's ObserveNav).
import { defineRoutes } from "../../router";

const P = "/:owner/:name/-";
export default defineRoutes(
  { path: `${P}/logs`, load: () => import("./Logs"), layout: "project", public: true, title: "Logs",
    nav: { section: "project", label: "Observe", order: 80, permission: "observe:read" } },
  { path: `${P}/traces`, load: () => import("./Traces"), layout: "project", public: true, title: "Traces", tab: "Observe" },
  { path: `${P}/traces/:traceId`, load: () => import("./Trace"), layout: "project", public: true, title: "Trace", tab: "Observe" },
  { path: `${P}/metrics`, load: () => import("./Metrics"), layout: "project", public: true, title: "Metrics", tab: "Observe" },
  // dais's own health (its built-in project dais/dais); any project's says why it is empty.
  { path: `${P}/health`, load: () => import("./Health"), layout: "project", public: true, title: "Health", tab: "Observe" },
);
