// Administration (section "admin"); the API decides who may use each page.
import { defineRoutes } from "../../router";

const nav = (label: string, order: number) => ({ section: "admin", label, order }) as const;
export default defineRoutes(
  { path: "/-/admin/users", load: () => import("./Users"), layout: "admin", title: "Users", nav: nav("Users", 0) },
  { path: "/-/admin/roles", load: () => import("./Roles"), layout: "admin", title: "Roles and assignments",
    nav: nav("Roles and assignments", 10) },
  { path: "/-/admin/delegations", load: () => import("../settings/Delegations"), layout: "admin", title: "Delegations",
    nav: nav("Delegations", 20) },
  { path: "/-/admin/secrets", load: () => import("./Secrets"), layout: "admin", title: "Platform secrets",
    nav: nav("Platform secrets", 25) },
  { path: "/-/admin/notifications", load: () => import("./FailedNotifications"), layout: "admin",
    title: "Failed notifications", nav: nav("Failed notifications", 27) },
  { path: "/-/admin/audit", load: () => import("./Audit"), layout: "admin", title: "Audit log", nav: nav("Audit log", 30) },
  { path: "/-/admin/health", load: () => import("../observe/ToHealth"), layout: "admin", title: "Health",
    nav: { ...nav("Health", 40), href: () => "/dais/dais/-/health" } },
);
