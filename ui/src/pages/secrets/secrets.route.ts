// Project settings: secrets, set here and read by pipelines and deployments.
import { defineRoutes } from "../../router";

export default defineRoutes({
  path: "/:owner/:name/-/settings/secrets", load: () => import("./Secrets"), layout: "project", title: "Secrets",
  nav: { section: "project-settings", label: "Secrets", order: 35, permission: "project:admin" },
});
