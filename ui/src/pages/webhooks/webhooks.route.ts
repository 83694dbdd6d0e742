// Project settings: webhooks and their delivery log.
import { defineRoutes } from "../../router";

const W = "/:owner/:name/-/settings/webhooks";
export default defineRoutes(
  { path: W, load: () => import("./Webhooks"), layout: "project", title: "Webhooks",
    nav: { section: "project-settings", label: "Webhooks", order: 30, permission: "project:admin" } },
  { path: `${W}/:hook`, load: () => import("./Webhook"), layout: "project", title: "Webhook" },
);
