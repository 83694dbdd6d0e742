// Project settings: a sub-menu of their own (section "project-settings"), for project admins.
import { defineRoutes } from "../../router";

const S = "/:owner/:name/-/settings";
const nav = (label: string, order: number) =>
  ({ section: "project-settings", label, order, permission: "project:admin" }) as const;
export default defineRoutes(
  { path: S, load: () => import("./SettingsGeneral"), layout: "project", title: "Settings", nav: nav("General", 0) },
  { path: `${S}/members`, load: () => import("./SettingsMembers"), layout: "project", title: "Members", nav: nav("Members", 10) },
  { path: `${S}/branches`, load: () => import("./SettingsBranches"), layout: "project", title: "Protected branches",
    nav: nav("Protected branches", 20) },
);
