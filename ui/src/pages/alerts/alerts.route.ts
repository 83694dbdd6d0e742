// A project's alerts: what is pending or firing now, and the alert rules (PromQL over the
// project's metrics) with their state and last error.
import { defineRoutes } from "../../router";

export default defineRoutes({
  path: "/:owner/:name/-/alerts",
  load: () => import("./Alerts"),
  layout: "project",
  public: true,
  title: "Alerts",
  nav: { section: "project", label: "Alerts", order: 85, permission: "observe:read" },
});
