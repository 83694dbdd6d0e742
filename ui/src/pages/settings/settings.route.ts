// The signed-in user's settings (section "settings").
import { defineRoutes } from "../../router";

const nav = (label: string, order: number) => ({ section: "settings", label, order }) as const;
export default defineRoutes(
  { path: "/settings/profile", load: () => import("./Profile"), layout: "settings", title: "Profile", nav: nav("Profile", 0) },
  { path: "/settings/notifications", load: () => import("./Notifications"), layout: "settings", title: "Notifications",
    nav: nav("Notifications", 5) },
  { path: "/settings/password", load: () => import("./Password"), layout: "settings", title: "Password", nav: nav("Password", 10) },
  { path: "/settings/tokens", load: () => import("./Tokens"), layout: "settings", title: "API tokens", nav: nav("API tokens", 20) },
  { path: "/settings/mcp", load: () => import("./Mcp"), layout: "settings", title: "Agents (MCP)", nav: nav("Agents (MCP)", 25) },
  { path: "/settings/passkeys", load: () => import("./Passkeys"), layout: "settings", title: "Passkeys", nav: nav("Passkeys", 30) },
  { path: "/settings/sessions", load: () => import("./Sessions"), layout: "settings", title: "Sessions", nav: nav("Sessions", 40) },
  { path: "/settings/delegations", load: () => import("./Delegations"), layout: "settings", title: "Delegations",
    nav: nav("Delegations", 50) },
);
